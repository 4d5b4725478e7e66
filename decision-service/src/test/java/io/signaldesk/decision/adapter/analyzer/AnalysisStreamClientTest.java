package io.signaldesk.decision.adapter.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;

/** The analyzer's decision and reason frames reach the dashboard socket at once; nothing else does. */
@QuarkusTest
class AnalysisStreamClientTest {

    /** The analyzer's /ws/analysis frames, as it sends them. */
    static final String SIGNAL = "{\"kind\":\"signal\",\"type\":\"ENTRY\",\"signal\":{\"type\":\"ENTRY\",\"decision\":"
            + "{\"enter\":true,\"confidence\":8},\"source\":\"AI\",\"model\":\"llama3.2:3b\",\"fallbackReason\":null,\"signalMs\":770}}";
    static final String REASON = "{\"kind\":\"reason\",\"type\":\"ENTRY\",\"text\":\" Bids lead\"}";

    @TestHTTPResource("/")
    URI root;

    @Inject
    AnalysisStreamClient client;

    @Inject
    ObjectMapper mapper;

    @Test
    void relaysTheAnalyzersDecisionAndReasonFramesToTheDashboardAndNothingElse() throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> states = new LinkedBlockingQueue<>();
        WebSocketClientConnection dashboard = BasicWebSocketConnector.create()
                .baseUri(URI.create(root.toString().replaceFirst("^http", "ws"))).path("/ws/dashboard")
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING) // frames handled in order
                .onTextMessage((c, m) -> (m.startsWith("{\"type\":\"analysis\"") ? frames : states).add(m))
                .connectAndAwait();
        try {
            assertTrue(states.poll(20, TimeUnit.SECONDS) != null, "the state on connect: the dashboard is registered");
            client.onFrame("{\"type\":\"ENTRY\",\"result\":{}}"); // an envelope: the dashboard's state shows those
            client.onFrame("not json");
            client.onFrame("{\"kind\":\"signal\",\"pad\":\"" + "x".repeat(9000) + "\"}"); // over the frame cap
            client.onFrame(SIGNAL);
            client.onFrame(REASON);

            JsonNode signal = mapper.readTree(frames.poll(10, TimeUnit.SECONDS));
            assertEquals("signal", signal.path("frame").path("kind").asText());
            assertTrue(signal.path("frame").path("signal").path("decision").path("enter").asBoolean());
            JsonNode reason = mapper.readTree(frames.poll(10, TimeUnit.SECONDS));
            assertEquals(" Bids lead", reason.path("frame").path("text").asText());
            assertEquals(null, frames.poll(500, TimeUnit.MILLISECONDS), "only signal and reason frames are relayed");
        } finally {
            dashboard.closeAndAwait();
        }
    }
}
