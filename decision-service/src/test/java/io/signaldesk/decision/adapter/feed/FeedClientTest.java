package io.signaldesk.decision.adapter.feed;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.support.FakeFeedSocket;
import io.signaldesk.decision.support.Market;

@QuarkusTest
class FeedClientTest {

    @TestHTTPResource("/test/market")
    URI feedUrl;

    @Inject
    FeedClient feed;

    @Inject
    FeedStateService market;

    @Inject
    OpenConnections connections;

    @AfterEach
    void stop() {
        feed.stop();
        // the next test must find its own connection, not this one's closing server side
        await().atMost(Duration.ofSeconds(30)).until(() -> open().isEmpty());
    }

    @Test
    void keepsLatestStateSkipsMalformedFramesAndReconnectsAfterADrop() {
        feed.start(URI.create(feedUrl.toString().replaceFirst("^http", "ws")));
        WebSocketConnection server = awaitFeedConnection();

        server.sendTextAndAwait(Market.frame("FEEDA", "100.5"));
        await().atMost(Duration.ofSeconds(30)).until(() -> market.price("FEEDA").isPresent());
        assertEquals(0, new BigDecimal("100.5").compareTo(market.price("FEEDA").orElseThrow()));

        double malformedBefore = feed.malformedCount();
        server.sendTextAndAwait("this is not json");
        server.sendTextAndAwait("{\"type\":\"mystery\"}");
        server.sendTextAndAwait(Market.frame("FEEDA", "101.5"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> market.price("FEEDA").orElseThrow().compareTo(new BigDecimal("101.5")) == 0);
        assertEquals(malformedBefore + 2, feed.malformedCount(), "both bad frames counted");
        assertTrue(feed.connected(), "bad frames do not cost the connection");

        double dropsBefore = feed.dropCount();
        server.closeAndAwait();
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.dropCount() == dropsBefore + 1);
        WebSocketConnection again = awaitFeedConnection();
        again.sendTextAndAwait(Market.frame("FEEDA", "102.5"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> market.price("FEEDA").orElseThrow().compareTo(new BigDecimal("102.5")) == 0);
        assertEquals(3, market.history("FEEDA").size(), "each snapshot adds one point to the price history");
    }

    @Test
    void asksTheFeedForItsOwnPublishIntervalOnTheUpgrade() {
        feed.start(URI.create(feedUrl.toString().replaceFirst("^http", "ws") + "?client=test"));
        WebSocketConnection server = awaitFeedConnection();
        assertEquals("client=test&interval=10ms", server.handshakeRequest().query(),
                "decision.feed.publish-interval (10 ms by default) beside the feed URL's own query");
    }

    private WebSocketConnection awaitFeedConnection() {
        await().atMost(Duration.ofSeconds(15)).until(() -> feed.connected() && !open().isEmpty());
        return open().get(0);
    }

    private List<WebSocketConnection> open() {
        return connections.findByEndpointId(FakeFeedSocket.ENDPOINT).stream().filter(WebSocketConnection::isOpen).toList();
    }
}
