package io.signaldesk.analyzer.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The system message with and without the trader's lessons: rebuilt only when the lessons change. */
class SystemPromptTest {

    @Test
    void withoutLessonsItIsTheFixedSystemMessage() {
        SystemPrompt prompt = new SystemPrompt();
        assertEquals(Prompts.SYSTEM, prompt.text());
        assertEquals(0, prompt.lessons().version());
        assertEquals(Prompts.SYSTEM, Prompts.system(List.of()));
    }

    @Test
    void acceptedLessonsFollowTheFixedInstructionsOneALine() {
        SystemPrompt prompt = new SystemPrompt();
        prompt.set(new SystemPrompt.Lessons(4, List.of("Skip SOL shorts in a calm market.", "Hold BTC longs while bids lead.")));
        assertTrue(prompt.text().startsWith(Prompts.SYSTEM + "\n"), "the instructions stay the cached prefix");
        assertTrue(prompt.text().endsWith("\n" + Prompts.LESSONS_HEADING
                + "\n- Skip SOL shorts in a calm market.\n- Hold BTC longs while bids lead."), prompt.text());
        assertEquals(4, prompt.lessons().version());
    }

    @Test
    void theTextIsTheSameObjectUntilTheLessonsChange() {
        SystemPrompt prompt = new SystemPrompt();
        prompt.set(new SystemPrompt.Lessons(1, List.of("Skip SOL shorts in a calm market.")));
        Object first = prompt.message();
        prompt.set(new SystemPrompt.Lessons(2, List.of("Skip SOL shorts in a calm market.")));
        assertSame(first, prompt.message(), "a new version of the same lessons changes nothing Ollama would see");
        assertEquals(2, prompt.lessons().version());
        prompt.set(new SystemPrompt.Lessons(3, List.of()));
        assertNotSame(first, prompt.message());
        assertEquals(Prompts.SYSTEM, prompt.text());
    }
}
