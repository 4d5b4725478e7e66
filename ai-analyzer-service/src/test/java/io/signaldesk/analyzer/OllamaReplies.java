package io.signaldesk.analyzer;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * Ollama /api/chat replies built from the documented payload, with the assistant content and counts swapped,
 * streamed as Ollama streams them: one NDJSON chunk per few characters, then the final chunk with the counts.
 */
public final class OllamaReplies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OllamaReplies() {
    }

    public static String chat(String content, int promptEvalCount, int evalCount) {
        try {
            ObjectNode last = (ObjectNode) MAPPER.readTree(StubServers.fixture("ollama/chat-response.json"));
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < content.length(); i += 4) {
                ObjectNode piece = MAPPER.createObjectNode().put("model", last.get("model").asText())
                        .put("created_at", last.get("created_at").asText()).put("done", false);
                piece.putObject("message").put("role", "assistant")
                        .put("content", content.substring(i, Math.min(content.length(), i + 4)));
                ndjson.append(MAPPER.writeValueAsString(piece)).append('\n');
            }
            ((ObjectNode) last.get("message")).put("content", "");
            last.put("prompt_eval_count", promptEvalCount);
            last.put("eval_count", evalCount);
            return ndjson.append(MAPPER.writeValueAsString(last)).append('\n').toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A documented reply as one NDJSON line. */
    public static String oneLine(String json) {
        try {
            return MAPPER.readTree(json).toString() + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String chat(String content) {
        return chat(content, 120, 30);
    }

    /** Every /api/chat answers {@code content}. */
    public static void answer(String content) {
        StubServers.server().stubFor(chatCall().willReturn(StubServers.json(chat(content))));
    }

    /** The first /api/chat answers {@code first}, the next ones {@code then}. */
    public static void answerThen(String first, String then) {
        StubServers.server().stubFor(chatCall().inScenario("reprompt").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(StubServers.json(chat(first, 120, 30))).willSetStateTo("reprompted"));
        StubServers.server().stubFor(chatCall().inScenario("reprompt").whenScenarioStateIs("reprompted")
                .willReturn(StubServers.json(chat(then, 40, 25))));
    }

    public static MappingBuilder chatCall() {
        return post(urlEqualTo("/api/chat"));
    }

    /**
     * The /api/chat requests that asked for an analysis, oldest first: a model switch's priming call (the system
     * prompt and "READY?", see ChatRequests.priming) may land late, in the next test's journal, and is not one.
     */
    public static List<JsonNode> analysisRequests() {
        return chatRequests().stream().filter(body -> {
            for (JsonNode message : body.path("messages")) {
                if ("user".equals(message.path("role").asText()) && !"READY?".equals(message.path("content").asText())) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /** Bodies of the /api/chat requests received, oldest first. */
    public static List<JsonNode> chatRequests() {
        return StubServers.server().findAll(postRequestedFor(urlEqualTo("/api/chat"))).stream()
                .map(request -> {
                    try {
                        return MAPPER.readTree(request.getBodyAsString());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
