package io.signaldesk.decision.lessons;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How big a lesson may be. The decision service has no tokenizer, so a lesson's size in the system message ({@code "\n- "}
 * and the line) is estimated as Llama 3 splits text before its byte-pair merges: a piece per word (with its space),
 * per 1-3 digits, per run of punctuation, per line break; a word of 8 letters or more often takes two tokens (a run of
 * over 20 letters, no word, one per 4), and 2 more a line cover the merges the pieces do not show. On the lessons of
 * {@code lessons/lesson-tokens.csv} (counted with the emulator's Llama 3 tokenizer) it is 0-4 tokens above the count,
 * never below (characters / 3 + 2, before, was 5 below to 15 above): {@code LessonBoundsTest}.
 */
public final class LessonBounds {

    /** A lesson's length in characters, at least and at most. */
    public static final int MIN_CHARS = 12;
    public static final int MAX_CHARS = 120;

    /** Llama 3's pre-tokenizer pattern: contractions, words, 1-3 digits, punctuation runs, line breaks, spaces. */
    private static final Pattern PIECES = Pattern.compile("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+"
            + "|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");
    private static final int LONG_WORD = 8;
    /** Longer runs of letters are no English word: a token per 4 letters, as byte-pair merges split them. */
    private static final int LONGEST_WORD = 20;

    private LessonBounds() {
    }

    /** The tokens {@code line} adds to the system message, estimated (see the class comment). */
    public static int tokens(String line) {
        Matcher piece = PIECES.matcher("\n- " + line);
        int tokens = 2;
        while (piece.find()) {
            long letters = piece.group().chars().filter(Character::isLetter).count();
            tokens += letters > LONGEST_WORD ? (int) ((letters + 3) / 4) : letters >= LONG_WORD ? 2 : 1;
        }
        return tokens;
    }

    /** Null when {@code line} is a usable lesson, else what is wrong with it. */
    public static String problem(String line) {
        if (line == null || line.isBlank()) {
            return "a lesson is a line of text";
        }
        String text = line.strip();
        if (text.length() < MIN_CHARS || text.length() > MAX_CHARS) {
            return "a lesson is " + MIN_CHARS + " to " + MAX_CHARS + " characters, this one " + text.length();
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return "a lesson is one line, without control characters";
        }
        return null;
    }
}
