package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.http.ContentType;
import io.signaldesk.common.ws.FrameBudget;

/** SIGNAL_API_KEY set: the analyzer's controls need X-Api-Key as decision-service's do; /ws/analysis floods are cut. */
@QuarkusTest
@TestProfile(KeyedDesk.class)
@QuarkusTestResource(StubServers.class)
class SecuredControlsTest {

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void fresh() {
        StubServers.reset();
    }

    @Test
    void modeModelMetricsResetAndEvaluateNeedTheKey() {
        String[][] controls = { { "PUT", "/api/ai/mode", "{\"mode\":\"RULES\"}" }, { "PUT", "/api/ai/model", "{\"model\":\"x\"}" },
                { "POST", "/api/ai/metrics/session/reset", "" }, { "POST", "/api/ai/evaluate", "{\"replayFile\":\"a.jsonl\"}" } };
        for (String[] call : controls) {
            given().contentType(ContentType.JSON).body(call[2]).request(call[0], call[1])
                    .then().statusCode(401).body("field", equalTo("X-Api-Key"))
                    .body("error", equalTo("X-Api-Key header is required"));
            given().header("X-Api-Key", "wrong").contentType(ContentType.JSON).body(call[2]).request(call[0], call[1])
                    .then().statusCode(401).body("error", equalTo("X-Api-Key is wrong"));
        }
        given().header("X-Api-Key", "test-key").contentType(ContentType.JSON).body("{\"mode\":\"RULES\"}")
                .put("/api/ai/mode").then().statusCode(200).body("mode", equalTo("RULES"));
        given().header("X-Api-Key", "test-key").post("/api/ai/metrics/session/reset").then().statusCode(200);
        given().header("X-Api-Key", "test-key").contentType(ContentType.JSON).body("{\"mode\":\"AI\"}")
                .put("/api/ai/mode").then().statusCode(200);
    }

    @Test
    void settingTheLessonsWithoutTheDesksKeyIs403NamingTheHeader() {
        String lessons = "{\"version\":1,\"lessons\":[\"Skip SOL shorts in a calm market: the last 14 lost after costs.\"]}";
        for (String engineKey : new String[] { null, "wrong" }) {
            var request = given().header("X-Api-Key", "test-key").contentType(ContentType.JSON).body(lessons);
            if (engineKey != null) {
                request.header("X-Engine-Key", engineKey);
            }
            request.put("/api/ai/lessons").then().statusCode(403).body("field", equalTo("X-Engine-Key"))
                    .body("error", equalTo("lessons are the desk's: send its key in X-Engine-Key"));
        }
        given().get("/api/ai/lessons").then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void readsAndAnalysesStayOpen() {
        given().get("/api/ai/mode").then().statusCode(200);
        given().get("/api/ai/metrics").then().statusCode(200);
        given().get("/api/ai/evaluate/files").then().statusCode(200);
        // as the desk: the outside callers' bucket is OutsideCallersTest's (KeyedDesk), which shows an outside caller's
        // analyses need no X-Api-Key either
        given().header("X-Engine-Key", KeyedDesk.ENGINE_KEY).contentType(ContentType.JSON)
                .body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.0}").post("/api/analysis/entry")
                .then().statusCode(200);
    }

    @Test
    void swaggerOffersTheKeyField() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.apiKey.name", equalTo("X-Api-Key"))
                .body("paths.'/api/ai/mode'.put.security[0]", hasKey("apiKey"))
                .body("paths.'/api/ai/evaluate'.post.security[0]", hasKey("apiKey"));
    }

    /**
     * The budget's clock stands still here, so nothing is refilled however slowly a loaded machine handles the flood:
     * exactly the burst is answered, one warning follows, and the connection is closed.
     */
    @Test
    void aFloodOnTheAnalysisSocketGetsOneErrorFrameAndIsClosed() throws Exception {
        QuarkusMock.installMockForType(new FrameBudget(() -> 0L), FrameBudget.class);
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CountDownLatch closed = new CountDownLatch(1);
        WebSocketClientConnection connection = BasicWebSocketConnector.create().executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .baseUri(URI.create(root.toString().replaceFirst("^http", "ws"))).path("/ws/analysis")
                .onTextMessage((c, m) -> frames.add(m))
                .onClose((c, reason) -> closed.countDown())
                .connectAndAwait();
        for (int i = 0; i < 2000 && connection.isOpen(); i++) {
            connection.sendText("refresh").subscribe().with(v -> { }, e -> { });
        }
        assertTrue(closed.await(60, TimeUnit.SECONDS), "a connection that keeps flooding is closed");
        assertEquals(1008, connection.closeReason().getCode());
        // the client may hand a frame to its handler after the close: wait for the burst's replies and the warning
        for (int i = 0; i < 1200 && (count(frames, "too many frames") < 1 || count(frames, "only pushes analyses") < FrameBudget.BURST); i++) {
            Thread.sleep(50);
        }
        assertEquals(1, count(frames, "too many frames"), "one warning per flood");
        assertEquals(FrameBudget.BURST, count(frames, "only pushes analyses"), "the burst is answered, no more");
    }

    private static long count(java.util.Collection<String> frames, String marker) {
        return frames.stream().filter(f -> f.contains(marker)).count();
    }
}
