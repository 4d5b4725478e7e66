package io.signaldesk.feed.ws;

import static io.quarkus.websockets.next.BasicWebSocketConnector.ExecutionModel.NON_BLOCKING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
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
 * one frame after the one on connect, alone, and then nothing more. A connection that asks for its own interval
 * ({@code ?interval=}, {@code {"interval":...}}) is paced by it, beside one on the default.
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
    ObjectMapper mapper;

    @Test
    void pushesEachCoinsFirstChangeAtOnceAndCoalescesTheRestUntilTheIntervalEnds() throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = connect("/ws/market", frames);
        try {
            JsonNode onConnect = mapper.readTree(frames.poll(10, TimeUnit.SECONDS));
            assertEquals(3, onConnect.path("coins").size(), "every coin on connect: " + onConnect);
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

    @Test
    void aConnectionAskingForItsOwnIntervalIsPushedEachChangeAtThatPaceWhileTheDefaultOneWaits() throws Exception {
        LinkedBlockingQueue<String> fast = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> slow = new LinkedBlockingQueue<>();
        WebSocketClientConnection fastConnection = connect("/ws/market?interval=20ms", fast);
        WebSocketClientConnection slowConnection = connect("/ws/market", slow);
        try {
            assertEquals(3, mapper.readTree(fast.poll(10, TimeUnit.SECONDS)).path("coins").size());
            assertEquals(3, mapper.readTree(slow.poll(10, TimeUnit.SECONDS)).path("coins").size());
            Map<String, Integer> pushes = new HashMap<>();
            while (pushes.values().stream().noneMatch(n -> n >= 5)) { // the simulator ticks every 20 ms in tests
                String frame = fast.poll(10, TimeUnit.SECONDS);
                assertNotNull(frame, "changes keep coming at 20 ms: " + pushes);
                JsonNode snapshot = mapper.readTree(frame);
                assertEquals("snapshot", snapshot.path("type").asText(), frame);
                assertEquals(1, snapshot.path("coins").size(), "one changed coin a push: " + frame);
                pushes.merge(snapshot.path("coins").get(0).path("coin").asText(), 1, Integer::sum);
            }
            int slowFrames = 0;
            for (String frame; (frame = slow.poll()) != null;) {
                slowFrames++;
                assertEquals(1, mapper.readTree(frame).path("coins").size(), frame);
            }
            assertTrue(slowFrames <= 3, "the default-interval connection got each coin's first change only: "
                    + slowFrames + " frames while the other got " + pushes);
        } finally {
            fastConnection.closeAndAwait();
            slowConnection.closeAndAwait();
        }
    }

    @Test
    void anIntervalSetByFrameTakesEffectAndABadOneIsRefusedNamingTheFieldWithTheConnectionUnchanged() throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = connect("/ws/market?interval=1ms", frames);
        try {
            JsonNode refused = next(frames, "error");
            assertEquals("interval", refused.path("field").asText(), refused.toString());
            assertTrue(refused.path("message").asText().contains("between 10ms and 60s"), refused.toString());

            connection.sendTextAndAwait("{\"interval\":10}");
            assertEquals("interval", next(frames, "error").path("field").asText());

            connection.sendTextAndAwait("{\"subscribe\":[\"btc\"],\"interval\":\"20ms\"}");
            JsonNode subscribed = next(frames, "subscribed");
            assertEquals("20ms", subscribed.path("interval").asText(), subscribed.toString());
            int btc = 0;
            while (btc < 5) { // an hour-long default would have pushed BTC at most once
                JsonNode snapshot = next(frames, "snapshot");
                if (snapshot.path("coins").size() == 1 && "BTC".equals(snapshot.path("coins").get(0).path("coin").asText())) {
                    btc++;
                }
            }
        } finally {
            connection.closeAndAwait();
        }
    }

    /** Frames are queued on the event loop, in the order they arrive (a worker pool could reorder them). */
    private WebSocketClientConnection connect(String path, LinkedBlockingQueue<String> frames) {
        return BasicWebSocketConnector.create().executionModel(NON_BLOCKING).baseUri(base).path(path)
                .onTextMessage((c, message) -> frames.add(message)).connectAndAwait();
    }

    private JsonNode next(LinkedBlockingQueue<String> frames, String type) throws Exception {
        for (int i = 0; i < 100; i++) {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(frame, "no " + type + " frame arrived");
            JsonNode json = mapper.readTree(frame);
            if (type.equals(json.path("type").asText())) {
                return json;
            }
        }
        throw new AssertionError("no " + type + " frame among 100");
    }
}
