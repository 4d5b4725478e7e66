package io.signaldesk.decision.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A lesson's token estimate against the Llama 3 tokens it adds to the system message, counted with the emulator's
 * tokenizer ({@code lessons/lesson-tokens.csv}, written by {@code bench/lesson_tokens.cjs}): plain and number-heavy
 * lessons, the five the emulated benchmark accepts, and a word of 118 letters.
 */
class LessonBoundsTest {

    /** Lesson and its counted tokens. */
    record Counted(String lesson, int tokens) {
    }

    @Test
    void theEstimateIsNeverBelowTheLlama3CountAndAtMostFourAbove() throws IOException {
        List<Counted> counted = counted();
        assertEquals(19, counted.size());
        for (Counted c : counted) {
            int estimate = LessonBounds.tokens(c.lesson());
            assertTrue(estimate >= c.tokens() && estimate <= c.tokens() + 4,
                    "estimated " + estimate + ", counted " + c.tokens() + ": " + c.lesson());
        }
    }

    @Test
    void fiveLessonsOfAHundredCharactersFitTheDefault150Tokens() throws IOException {
        // the five the emulated benchmark accepts (86-104 characters): 131 tokens counted, 139 with the heading
        List<Counted> five = counted().subList(0, 5);
        assertEquals(131, five.stream().mapToInt(Counted::tokens).sum());
        int estimate = five.stream().mapToInt(c -> LessonBounds.tokens(c.lesson())).sum();
        assertTrue(estimate <= 150, "five lessons estimated at " + estimate + " tokens");
    }

    private static List<Counted> counted() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LessonBoundsTest.class.getResourceAsStream("/lessons/lesson-tokens.csv"), StandardCharsets.UTF_8))) {
            List<Counted> out = new ArrayList<>();
            in.lines().filter(l -> !l.startsWith("#") && !l.startsWith("tokens\t")).forEach(l -> {
                String[] f = l.split("\t", 2);
                out.add(new Counted(f[1], Integer.parseInt(f[0])));
            });
            return out;
        }
    }
}
