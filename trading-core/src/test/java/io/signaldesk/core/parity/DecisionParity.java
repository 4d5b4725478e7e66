package io.signaldesk.core.parity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Live and backtest decide the same: one way to compare them, for decision-service's ReplayParityTest (in-process)
 * and deploy's CaptureParityIT (packaged services). A decision is compared as its key (coin, outcome, direction,
 * source, marketAt); AI mode runs against {@link #stubDeterministicModel}, an analyzer whose answer is a function of
 * the question, so both paths ask the same and get the same. Exported in trading-core's test-jar.
 */
public final class DecisionParity {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionParity() {
    }

    /** The compared identity of one decision; absent fields read {@code null}. */
    public static String key(String coin, String outcome, String direction, String source, String marketAt) {
        return String.join("|", coin, outcome, String.valueOf(direction), String.valueOf(source), String.valueOf(marketAt));
    }

    /** The key of a decision as the decision service's JSON writes it (/api/decisions, a backtest report). */
    public static String key(JsonNode decision) {
        return key(decision.path("coin").asText(), decision.path("outcome").asText(),
                decision.path("direction").asText("null"), decision.path("source").asText("null"),
                decision.path("marketAt").asText("null"));
    }

    /**
     * The live decisions and the backtest's are the same list, and there are at least {@code atLeast} of them (a
     * replay that decides nothing proves nothing); {@code what} names the comparison in the failure.
     */
    public static void assertSameDecisions(String what, List<String> live, List<String> backtest, int atLeast) {
        assertTrue(live.size() >= atLeast, what + ": the market must give at least " + atLeast
                + " decisions to compare: " + live);
        assertEquals(backtest, live, what + ": live and backtest decided differently (expected: the backtest's)");
    }

    /** Asserts that the model itself decided some of {@code decisions} (keys whose source is AI). */
    public static void assertModelDecidedSome(List<String> decisions) {
        assertTrue(decisions.stream().anyMatch(d -> d.contains("|AI|")), "the model decided some: " + decisions);
    }

    /**
     * The deterministic analyzer on {@code analyzer}: enters a LONG, declines a SHORT, closes at every exit check, as
     * JSON and, to a caller that accepts text/event-stream, as the analyzer streams it.
     */
    public static void stubDeterministicModel(WireMockServer analyzer) {
        stub(analyzer, "/api/analysis/entry", "LONG", """
                {"type":"ENTRY","result":{"enter":true,"confidence":8,"reason":"buyers lead"},"source":"AI",
                 "model":"stub","latencyMs":1}""");
        stub(analyzer, "/api/analysis/entry", "SHORT", """
                {"type":"ENTRY","result":{"enter":false,"confidence":6,"reason":"no shorts"},"source":"AI",
                 "model":"stub","latencyMs":1}""");
        for (String side : List.of("LONG", "SHORT")) {
            stub(analyzer, "/api/analysis/exit", side, """
                    {"type":"EXIT","result":{"action":"CLOSE","confidence":7,"reason":"take it"},"source":"AI",
                     "model":"stub","latencyMs":1}""");
        }
    }

    private static void stub(WireMockServer analyzer, String path, String side, String envelope) {
        analyzer.stubFor(post(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.side", equalTo(side)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(envelope)));
        analyzer.stubFor(post(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.side", equalTo(side)))
                .withHeader("Accept", containing("text/event-stream"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(events(envelope))));
    }

    /**
     * The analyzer's Server-Sent Events for an envelope: the decision fields first (signal), then the reason, then the
     * envelope (done).
     */
    public static String events(String envelopeJson) {
        try {
            JsonNode envelope = JSON.readTree(envelopeJson);
            ObjectNode decision = envelope.path("result").isObject() ? ((ObjectNode) envelope.get("result")).deepCopy()
                    : JSON.createObjectNode();
            String reason = decision.path("reason").asText("");
            decision.remove("reason");
            ObjectNode signal = JSON.createObjectNode().put("type", envelope.path("type").asText());
            signal.set("decision", decision);
            signal.set("source", envelope.get("source"));
            signal.set("model", envelope.get("model"));
            signal.set("fallbackReason", envelope.get("fallbackReason"));
            signal.put("signalMs", envelope.path("latencyMs").asLong());
            return "event: signal\ndata: " + JSON.writeValueAsString(signal) + "\n\n"
                    + "event: reason\ndata: " + JSON.writeValueAsString(JSON.createObjectNode().put("text", reason)) + "\n\n"
                    + "event: done\ndata: " + JSON.writeValueAsString(envelope) + "\n\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
