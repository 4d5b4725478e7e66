package io.signaldesk.decision.adapter.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.decision.engine.port.AnalyzerPort.Prompt;

/** The prompt of the analyzer's signal event, as sent: with the lesson version it was asked under, or without (older analyzers). */
class SignalPromptTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheLessonVersionTheAnswerWasAskedUnder() throws Exception {
        assertEquals(new Prompt("SYSTEM", "ENTRY LONG", 3),
                json.readValue("{\"system\":\"SYSTEM\",\"user\":\"ENTRY LONG\",\"lessonVersion\":3}", Prompt.class));
        assertNull(json.readValue("{\"system\":\"SYSTEM\",\"user\":\"ENTRY LONG\"}", Prompt.class).lessonVersion(),
                "not said: unknown, never taken for version 0");
    }
}
