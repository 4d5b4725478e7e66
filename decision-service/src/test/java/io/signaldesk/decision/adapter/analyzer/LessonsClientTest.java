package io.signaldesk.decision.adapter.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.signaldesk.common.config.SignalConfig;

/**
 * The accepted lessons go to the analyzer with the engine's key (its desk) and the API key (PUT /api/ai/lessons is a
 * mutating /api/ai call, which the analyzer guards when SIGNAL_API_KEY is set); an unreachable analyzer is a false,
 * not an exception.
 */
class LessonsClientTest {

    private final List<String> sent = new ArrayList<>();

    @Test
    void sendsTheAcceptedSetWithTheEngineKeyAndTheApiKey() {
        LessonsClient client = new LessonsClient(drafts(), set(false), signal(Optional.of("api-secret"), Optional.of("engine-secret")));
        assertTrue(client.put(new LessonsClient.AcceptedLessons(3, List.of("Skip SOL shorts in a calm market."))));
        assertEquals(List.of("engine-secret|api-secret|3"), sent);
    }

    @Test
    void withOnlyAnApiKeyItIsBothKeysAndWithoutKeysNone() {
        new LessonsClient(drafts(), set(false), signal(Optional.of("api-secret"), Optional.empty()))
                .put(new LessonsClient.AcceptedLessons(1, List.of()));
        new LessonsClient(drafts(), set(false), signal(Optional.empty(), Optional.empty()))
                .put(new LessonsClient.AcceptedLessons(2, List.of()));
        assertEquals(List.of("api-secret|api-secret|1", "null|null|2"), sent);
    }

    @Test
    void anUnreachableAnalyzerIsAFalseNotAnException() {
        LessonsClient client = new LessonsClient(drafts(), set(true), signal(Optional.empty(), Optional.empty()));
        assertFalse(client.put(new LessonsClient.AcceptedLessons(1, List.of())));
        assertTrue(client.versionInPrompt().isEmpty());
        assertTrue(client.draft(new LessonsClient.DraftRequest(List.of(), 3)).isEmpty());
    }

    private static LessonsRestClient drafts() {
        return (engineKey, request) -> {
            throw new jakarta.ws.rs.ProcessingException("connection refused");
        };
    }

    private LessonSetRestClient set(boolean down) {
        return new LessonSetRestClient() {

            @Override
            public JsonNode put(String engineKey, String apiKey, LessonsClient.AcceptedLessons lessons) {
                if (down) {
                    throw new jakarta.ws.rs.ProcessingException("connection refused");
                }
                sent.add(engineKey + "|" + apiKey + "|" + lessons.version());
                return JsonNodeFactory.instance.objectNode().put("version", lessons.version());
            }

            @Override
            public JsonNode get() {
                throw new jakarta.ws.rs.ProcessingException("connection refused");
            }
        };
    }

    private static SignalConfig signal(Optional<String> apiKey, Optional<String> engineKey) {
        return new SignalConfig() {
            @Override
            public Optional<String> apiKey() {
                return apiKey;
            }

            @Override
            public Optional<String> engineKey() {
                return engineKey;
            }

            @Override
            public Optional<List<String>> apiKeyPaths() {
                return Optional.empty();
            }

            @Override
            public String dataDir() {
                return "data";
            }

            @Override
            public Http http() {
                return null;
            }
        };
    }
}
