package io.signaldesk.decision.ws;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
import io.signaldesk.decision.service.MarketStateService;
import io.signaldesk.decision.support.Market;

@QuarkusTest
class DashboardSocketTest {

    @TestHTTPResource("/")
    URI root;

    @Inject
    MarketStateService market;

    @Inject
    ObjectMapper mapper;

    @Test
    void servesThePageAndItsAssetsWithoutAnyCdn() {
        String html = given().get("/").then().statusCode(200).body(containsString("id=\"ai-status-line\""))
                .body(containsString("mode-HYBRID")).extract().asString();
        assertTrue(!html.contains("http://") && !html.contains("https://"), "no external resources");
        given().get("/dashboard.js").then().statusCode(200).body(containsString("/ws/dashboard"));
        given().get("/dashboard.css").then().statusCode(200);
    }

    @Test
    void pushesTheWholeStateOnConnect() throws Exception {
        market.accept(Market.snapshot(Market.bullish("WS1", "123.45")));
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = BasicWebSocketConnector.create()
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
            assertTrue(state.get("feed").has("stale"));
            assertTrue(state.get("analyzer").has("reachable"));
        } finally {
            connection.closeAndAwait();
        }
    }
}
