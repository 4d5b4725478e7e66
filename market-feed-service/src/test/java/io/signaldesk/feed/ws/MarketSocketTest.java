package io.signaldesk.feed.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.common.ws.FrameBudget;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;

@QuarkusTest
class MarketSocketTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    BasicWebSocketConnector connector;

    @Inject
    ObjectMapper mapper;

    @Inject
    Subscriptions subscriptions;

    private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private WebSocketClientConnection connection;

    @BeforeEach
    void connect() {
        connection = connector.executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING) // frames handled in order
                .baseUri(base).path("/ws/market")
                .onTextMessage((c, message) -> frames.add(message))
                .connectAndAwait();
    }

    @AfterEach
    void disconnect() {
        connection.closeAndAwait();
    }

    /** The next frame of the given type, skipping periodic snapshots in between. */
    private JsonNode next(String type) throws Exception {
        for (int i = 0; i < 100; i++) {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(frame, "no " + type + " frame arrived");
            JsonNode json = mapper.readTree(frame);
            if (type.equals(json.path("type").asText())) {
                return json;
            }
        }
        throw new AssertionError("no " + type + " frame among 100 frames");
    }

    /**
     * The coins of the first full snapshot under the new filter. A push already being built when the subscription
     * changed may still arrive after the "subscribed" reply (one is skipped); after it, every frame holds only
     * followed coins: the changed ones within feed.publish-interval, all of them each feed.full-snapshot-every.
     */
    private List<String> coinsAfterSubscribe(List<String> expected) throws Exception {
        List<String> coins = coins(next("snapshot"));
        if (!expected.containsAll(coins)) {
            coins = coins(next("snapshot"));
        }
        for (int i = 0; i < 50 && !coins.equals(expected); i++) {
            assertTrue(expected.containsAll(coins), "only followed coins are pushed: " + coins);
            coins = coins(next("snapshot"));
        }
        return coins;
    }

    /** The next snapshot holding every coin (the heartbeat), skipping frames of changed coins only. */
    private JsonNode nextFull() throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode snapshot = next("snapshot");
            if (snapshot.path("coins").size() == 3) {
                return snapshot;
            }
        }
        throw new AssertionError("no snapshot of every coin among 100");
    }

    private static List<String> coins(JsonNode snapshot) {
        return snapshot.path("coins").findValuesAsText("coin");
    }

    @Test
    void pushesSnapshotsOfEveryCoinOnConnectAndPeriodically() throws Exception {
        JsonNode first = next("snapshot");
        assertEquals(List.of("BTC", "ETH", "SOL"), coins(first));
        assertNotNull(first.get("asOf"));
        JsonNode later = nextFull();
        assertTrue(later.path("coins").get(0).has("bookImbalance"));
        assertTrue(subscriptions.clients() >= 1);
        // every frame says which market its prices are of: the simulator's, the same market whatever the run
        assertEquals("simulator", first.path("feed").path("source").asText());
        assertEquals("simulator", first.path("feed").path("market").asText());
        assertFalse(first.path("feed").path("runId").asText().isEmpty());
        assertEquals(first.path("feed"), later.path("feed"));
    }

    @Test
    void subscribeNarrowsTheCoinsPushed() throws Exception {
        connection.sendTextAndAwait("{\"subscribe\":[\"btc\"]}");
        JsonNode reply = next("subscribed");
        assertEquals(List.of("BTC"), mapper.convertValue(reply.get("coins"), List.class));
        assertEquals(List.of("BTC"), coinsAfterSubscribe(List.of("BTC")));
        assertEquals(List.of("BTC"), coins(next("snapshot")), "a frame for a changed BTC, or the heartbeat: BTC only");

        connection.sendTextAndAwait("{\"subscribe\":[\"SOL\",\"ETH\"]}");
        next("subscribed");
        assertEquals(List.of("ETH", "SOL"), coinsAfterSubscribe(List.of("ETH", "SOL")));
    }

    @Test
    void invalidFramesGetAnErrorAndTheConnectionKeepsWorking() throws Exception {
        connection.sendTextAndAwait("not json at all");
        assertTrue(next("error").get("message").asText().contains("not valid JSON"));

        connection.sendTextAndAwait("{\"subscribe\":[\"DOGE\"]}");
        assertTrue(next("error").get("message").asText().contains("DOGE"));

        connection.sendTextAndAwait("{\"subscribe\":\"BTC\"}");
        assertTrue(next("error").get("message").asText().contains("subscribe"));

        connection.sendTextAndAwait("[1,2,3]");
        next("error");

        connection.sendTextAndAwait("{\"subscribe\":[\"BTC\"],\"x\":\"" + "a".repeat(5000) + "\"}");
        assertTrue(next("error").get("message").asText().contains("too large"));
        // past the socket's 64 KiB message limit, refused before the parser sees it: the same answer, not "could not handle"
        connection.sendTextAndAwait("{\"subscribe\":[\"BTC\"],\"x\":\"" + "a".repeat(100_000) + "\"}");
        assertEquals("frame too large: over the socket's message limit, at most 4096 characters",
                next("error").get("message").asText());

        connection.sendTextAndAwait("{\"subscribe\":[\"ETH\"]}");
        next("subscribed");
        assertEquals(List.of("ETH"), coinsAfterSubscribe(List.of("ETH")));
        assertTrue(connection.isOpen());
    }

    /** Issue 12: a subscribe flood is answered up to the burst, warned once, then dropped and the connection closed. */
    @Test
    void aFloodGetsItsBurstOneErrorFrameAndThenTheConnectionIsClosed() throws Exception {
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        WebSocketClientConnection flooder = BasicWebSocketConnector.create().executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING).baseUri(base).path("/ws/market")
                .onTextMessage((c, message) -> frames.add(message))
                .onClose((c, reason) -> closed.countDown())
                .connectAndAwait();
        try {
            for (int i = 0; i < 2000 && flooder.isOpen(); i++) {
                flooder.sendText("{\"subscribe\":[\"BTC\"]}").subscribe().with(v -> { }, e -> { });
            }
            assertTrue(closed.await(20, TimeUnit.SECONDS), "a connection that keeps flooding is closed");
            assertEquals(1008, flooder.closeReason().getCode());
            waitForWarning(frames);
            List<String> replies = new java.util.ArrayList<>(frames);
            assertEquals(1, replies.stream().filter(f -> f.contains("too many frames")).count());
            assertTrue(replies.stream().filter(f -> f.contains("\"subscribed\"")).count() <= FrameBudget.BURST + 5);
            assertTrue(connection.isOpen(), "other connections are not affected");
        } finally {
            if (flooder.isOpen()) {
                flooder.closeAndAwait();
            }
        }
    }

    /** The client may hand a frame to its handler after the close: wait for the warning before counting. */
    private static void waitForWarning(java.util.Collection<String> frames) throws InterruptedException {
        for (int i = 0; i < 600 && frames.stream().noneMatch(f -> f.contains("too many frames")); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
    }
}
