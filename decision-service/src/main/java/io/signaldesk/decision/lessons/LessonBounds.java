package io.signaldesk.decision.lessons;

/**
 * How big a lesson may be. The analyzer has no tokenizer, so a lesson's size in the system message is estimated from
 * its length: a character count / 3, rounded up, plus 2 for its bullet and line break. English text averages about
 * 4 characters a Llama 3 token, so the estimate errs high (the tokens lessons actually add were measured on the
 * emulator, which counts with the Llama 3 tokenizer: decision-service README).
 */
public final class LessonBounds {

    /** A lesson's length in characters, at least and at most. */
    public static final int MIN_CHARS = 12;
    public static final int MAX_CHARS = 120;

    private LessonBounds() {
    }

    public static int tokens(String line) {
        return (line.length() + 2) / 3 + 2;
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
