package io.signaldesk.feed.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;

/**
 * /ws/market pushes a coin when it changes, not only on the heartbeat: with the heartbeat an hour away, every
 * frame after the one on connect comes from a change, and holds only coins that changed. The connection asks for a
 * 100 ms interval of its own ({@code ?interval=}), so it shares LeadingEdgePublishingTest's app (interval and
 * heartbeat an hour) instead of starting one for a 100 ms default.
 */
@QuarkusTest
@TestProfile(LeadingEdgePublishingTest.HourInterval.class)
class ChangePublishingTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    BasicWebSocketConnector connector;

    @Inject
    ObjectMapper mapper;

    @Test
    void pushesChangedCoinsBetweenHeartbeats() throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = connector.executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING) // frames handled in order
                .baseUri(base).path("/ws/market?interval=100ms")
                .onTextMessage((c, message) -> frames.add(message)).connectAndAwait();
        try {
            JsonNode onConnect = mapper.readTree(frames.poll(10, TimeUnit.SECONDS));
            assertEquals(3, onConnect.path("coins").size(), "every coin on connect");
            for (int i = 0; i < 5; i++) {
                String frame = frames.poll(10, TimeUnit.SECONDS);
                assertNotNull(frame, "the simulator keeps changing coins: frames arrive without the heartbeat");
                JsonNode snapshot = mapper.readTree(frame);
                assertEquals("snapshot", snapshot.path("type").asText());
                assertTrue(snapshot.path("coins").size() >= 1, frame);
            }
        } finally {
            connection.closeAndAwait();
        }
    }
}
