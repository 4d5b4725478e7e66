package io.signaldesk.analyzer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.service.AiModeService;
import io.signaldesk.analyzer.service.AnalysisCache;
import io.signaldesk.analyzer.service.ModelGateway;
import io.signaldesk.analyzer.service.SentimentScheduler;

/** The scheduled sentiment on the feed's snapshot, /api/analysis/latest and the /ws/analysis push. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class SentimentSchedulerTest {

    @Inject
    SentimentScheduler scheduler;

    @Inject
    AnalysisCache cache;

    @Inject
    AiModeService mode;

    @Inject
    ModelGateway gateway;

    @TestHTTPResource("/ws/analysis")
    URI socket;

    @BeforeEach
    void fresh() {
        StubServers.reset();
        ModelWarmup.once(gateway);
        cache.clear();
        mode.set(AiMode.AI);
    }

    @Test
    void skipsTheRunWithoutFailingWhileTheFeedIsDown() {
        StubServers.server().stubFor(get(urlEqualTo("/api/market/snapshot")).willReturn(aResponse().withStatus(500)));

        assertTrue(scheduler.run().isEmpty());
        // the start's priming call may still be asked (put back for the warm-up question): it is no sentiment
        assertEquals(0, OllamaReplies.analysisRequests().size());
    }

    @Test
    void analysesTheFeedSnapshotKeepsItAsLatestAndPushesIt() throws Exception {
        OllamaReplies.answer(AnalysisResourceTest.VALID_SENTIMENT);
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket client = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(socket.toString().replace("http", "ws")), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        try {
            client.sendText("{\"subscribe\":[\"BTC\"]}", true);
            String error = frames.poll(30, TimeUnit.SECONDS);
            assertTrue(error != null && error.contains("\"type\":\"error\""), "read-only socket answers an error frame: " + error);

            assertTrue(scheduler.run().isPresent());

            String pushed = frames.poll(30, TimeUnit.SECONDS);
            assertTrue(pushed != null && pushed.contains("\"type\":\"SENTIMENT\"") && pushed.contains("\"source\":\"AI\""),
                    "pushed: " + pushed);
            String prompt = OllamaReplies.analysisRequests().get(0).get("messages").get(1).get("content").asText();
            assertTrue(prompt.startsWith("SENTIMENT\nBTC ") && prompt.contains("\nETH ") && prompt.contains("\nSOL "), prompt);
            given().get("/api/analysis/latest").then().statusCode(200)
                    .body("type", equalTo("SENTIMENT"))
                    .body("source", equalTo("AI"))
                    .body("result.coin", equalTo("BTC"));
        } finally {
            client.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
