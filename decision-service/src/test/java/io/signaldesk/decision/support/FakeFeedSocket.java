package io.signaldesk.decision.support;

import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;

/** Stands in for market-feed-service's /ws/market inside the test app; tests push frames through OpenConnections. */
@WebSocket(path = "/test/market", endpointId = FakeFeedSocket.ENDPOINT)
public class FakeFeedSocket {

    public static final String ENDPOINT = "fake-feed";

    @OnTextMessage
    public String onMessage(String message) {
        return "{\"type\":\"subscribed\",\"coins\":[]}";
    }
}
