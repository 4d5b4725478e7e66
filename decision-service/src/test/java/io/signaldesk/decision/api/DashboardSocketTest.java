package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.signaldesk.common.ws.FrameBudget;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.support.Market;

@QuarkusTest
class DashboardSocketTest {

    @TestHTTPResource("/")
    URI root;

    @Inject
    FeedStateService market;

    @Inject
    ObjectMapper mapper;

    /** Skips the periodic state pushes until a frame of {@code type} arrives. */
    private String pollUntil(LinkedBlockingQueue<String> frames, String type) throws Exception {
        for (int i = 0; i < 50; i++) {
            String frame = frames.poll(20, TimeUnit.SECONDS);
            if (frame != null && type.equals(mapper.readTree(frame).get("type").asText())) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame");
    }

    @Test
    void servesThePageAndItsAssetsWithoutAnyCdn() {
        String html = given().get("/").then().statusCode(200).body(containsString("id=\"ai-status-line\""))
                .body(containsString("mode-HYBRID")).extract().asString();
        assertTrue(!html.contains("http://") && !html.contains("https://"), "no external resources");
        given().get("/dashboard.js").then().statusCode(200).body(containsString("/ws/dashboard"));
        given().get("/dashboard.css").then().statusCode(200);
    }

    @Test
    void theDashboardsFilesAreRevalidatedOnEveryLoadSoAnUpgradeIsSeenAtOnce() {
        for (String file : new String[] { "/", "/dashboard.js", "/backtest.js", "/dashboard.css" }) {
            String lastModified = given().get(file).then().statusCode(200)
                    .header("Cache-Control", containsString("max-age=0")).extract().header("Last-Modified");
            // unchanged since: a 304 without the body, so a reload costs a round trip, not the file
            given().header("If-Modified-Since", lastModified).get(file).then().statusCode(304);
        }
    }

    @Test
    void pushesTheWholeStateOnConnectAndAnswersBadFramesWithAnErrorFrame() throws Exception {
        market.accept(Market.snapshot(Market.bullish("WS1", "123.45")));
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = BasicWebSocketConnector.create().executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .baseUri(URI.create(root.toString().replaceFirst("^http", "ws")))
                .path("/ws/dashboard")
                .onTextMessage((c, m) -> frames.add(m))
                .connectAndAwait();
        try {
            String first = frames.poll(20, TimeUnit.SECONDS);
            JsonNode state = mapper.readTree(first);
            assertEquals("state", state.get("type").asText());
            assertTrue(state.get("market").findValuesAsText("coin").contains("WS1"));
            assertTrue(state.has("pending") && state.has("portfolio") && state.has("accuracy") && state.has("mode"));
            assertTrue(state.path("evaluation").path("verdict").asText().length() > 0, "the live verdict: " + state.path("evaluation"));
            assertTrue(state.path("evaluation").path("overall").has("alwaysLong"), "baselines beside it");
            assertTrue(state.get("feed").has("stale"));
            assertTrue(state.get("analyzer").has("reachable"));

            frames.clear();
            connection.sendTextAndAwait("rm -rf /");
            JsonNode error = mapper.readTree(pollUntil(frames, "error"));
            assertEquals("unknown frame: the only request is refresh", error.get("message").asText());
            assertTrue(connection.isOpen(), "a bad frame does not close the dashboard");
            connection.sendTextAndAwait("refresh");
            assertEquals("state", mapper.readTree(pollUntil(frames, "state")).get("type").asText());
        } finally {
            connection.closeAndAwait();
        }
    }

    @Test
    void aFrameOverTheMessageLimitClosesTheConnectionAsTooBigNotAsAServerError() throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CountDownLatch closed = new CountDownLatch(1);
        WebSocketClientConnection connection = BasicWebSocketConnector.create().executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .baseUri(URI.create(root.toString().replaceFirst("^http", "ws")))
                .path("/ws/dashboard")
                .onTextMessage((c, m) -> frames.add(m))
                .onClose((c, reason) -> closed.countDown())
                .connectAndAwait();
        pollUntil(frames, "state"); // the state on connect

        connection.sendText("{\"type\":\"refresh\",\"pad\":\"" + "x".repeat(100_000) + "\"}").subscribe().with(v -> {
        }, e -> {
        });

        assertTrue(closed.await(60, TimeUnit.SECONDS), "a 100 kB frame closes the connection");
        assertEquals(DashboardSocket.MESSAGE_TOO_BIG, connection.closeReason().getCode(), connection.closeReason().toString());
        assertEquals("frame too big: the only request is refresh", connection.closeReason().getMessage());
    }

    /**
     * Issue 12: 20,000 refresh frames produced 146 MB of replies; now the burst is answered, the rest refused. The
     * budget's clock stands still here, so nothing is refilled however slowly a loaded machine handles the flood: the
     * counts are exact. Only the dashboard's own push (once a second) adds state frames, as many as seconds passed.
     */
    @Test
    void aRefreshFloodGetsItsBurstOneErrorFrameAndThenTheConnectionIsClosed() throws Exception {
        QuarkusMock.installMockForType(new FrameBudget(() -> 0L), FrameBudget.class);
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        AtomicInteger bytes = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        long started = System.nanoTime();
        WebSocketClientConnection connection = BasicWebSocketConnector.create().executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .baseUri(URI.create(root.toString().replaceFirst("^http", "ws")))
                .path("/ws/dashboard")
                .onTextMessage((c, m) -> {
                    frames.add(m);
                    bytes.addAndGet(m.length());
                })
                .onClose((c, reason) -> closed.countDown())
                .connectAndAwait();
        pollUntil(frames, "state"); // the state on connect
        frames.clear();
        for (int i = 0; i < 2000 && connection.isOpen(); i++) {
            connection.sendText("refresh").subscribe().with(v -> {
            }, e -> {
            });
        }
        assertTrue(closed.await(60, TimeUnit.SECONDS), "a connection that keeps flooding is closed");
        assertEquals(1008, connection.closeReason().getCode());
        // the client may hand a frame to its handler after the close: wait for the burst's replies and the warning
        for (int i = 0; i < 200 && (count(frames, "too many frames") < 1 || count(frames, "{\"type\":\"state\"") < FrameBudget.BURST); i++) {
            Thread.sleep(50);
        }
        long pushes = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + 1;
        assertEquals(1, count(frames, "too many frames"), "one error frame per flood");
        long states = count(frames, "{\"type\":\"state\"");
        assertTrue(states >= FrameBudget.BURST && states <= FrameBudget.BURST + pushes,
                states + " state frames for 2,000 refresh frames (a burst of " + FrameBudget.BURST + " and at most "
                        + pushes + " pushes)");
        assertTrue(bytes.get() < 1_000_000, bytes.get() + " bytes of replies");
    }

    private static long count(java.util.Collection<String> frames, String marker) {
        return frames.stream().filter(f -> f.contains(marker)).count();
    }
}
