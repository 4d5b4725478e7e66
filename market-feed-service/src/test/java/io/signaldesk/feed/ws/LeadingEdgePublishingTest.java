package io.signaldesk.feed.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;

/**
 * A coin's first change is pushed at once (leading edge) and what follows within feed.publish-interval waits for the
 * interval's end: with the interval and the heartbeat an hour long, each coin the simulator moves arrives in exactly
 * one frame after the one on connect, alone, and then nothing more.
 */
@QuarkusTest
@TestProfile(LeadingEdgePublishingTest.HourInterval.class)
class LeadingEdgePublishingTest {

    public static class HourInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feed.full-snapshot-every", "1h", "feed.publish-interval", "1h");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    BasicWebSocketConnector connector;

    @Inject
    ObjectMapper mapper;

    @Test
    void pushesEachCoinsFirstChangeAtOnceAndCoalescesTheRestUntilTheIntervalEnds() throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = connector.baseUri(base).path("/ws/market")
                .onTextMessage((c, message) -> frames.add(message)).connectAndAwait();
        try {
            JsonNode onConnect = mapper.readTree(frames.poll(10, TimeUnit.SECONDS));
            assertEquals(3, onConnect.path("coins").size(), "every coin on connect");
            Set<String> pushed = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                String frame = frames.poll(10, TimeUnit.SECONDS);
                assertNotNull(frame, "the simulator moves every coin: each one's first change comes at once");
                JsonNode snapshot = mapper.readTree(frame);
                assertEquals(1, snapshot.path("coins").size(), "one coin a push: " + frame);
                pushed.add(snapshot.path("coins").get(0).path("coin").asText());
            }
            assertEquals(3, pushed.size(), "each coin once: " + pushed);
            assertNull(frames.poll(2, TimeUnit.SECONDS), "later changes wait for the end of the interval");
        } finally {
            connection.closeAndAwait();
        }
    }
}
