package io.signaldesk.feed.ws;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.signaldesk.feed.service.MarketStateService;
import io.vertx.core.buffer.Buffer;

/**
 * /ws/market: a snapshot on connect and every feed.publish-interval (see {@link MarketPublisher});
 * {@code {"subscribe":[...]}} narrows the coins pushed to this connection. Bad frames get an error
 * frame and the connection stays open.
 */
@WebSocket(path = "/ws/market")
public class MarketSocket {

    private static final Logger LOG = Logger.getLogger(MarketSocket.class);

    private final Subscriptions subscriptions;
    private final MarketPublisher publisher;
    private final SubscriptionParser parser;

    public MarketSocket(Subscriptions subscriptions, MarketPublisher publisher, MarketStateService state,
            ObjectMapper mapper) {
        this.subscriptions = subscriptions;
        this.publisher = publisher;
        this.parser = new SubscriptionParser(mapper, state.coins());
    }

    @OnOpen
    public String onOpen(WebSocketConnection connection) {
        subscriptions.open(connection.id());
        return publisher.snapshotFor(connection.id());
    }

    @OnTextMessage
    public String onText(WebSocketConnection connection, String frame) {
        SubscriptionParser.Result result = parser.parse(frame);
        if (result.error() != null) {
            return publisher.json(new WsMessages.Error(result.error()));
        }
        subscriptions.set(connection.id(), result.coins());
        return publisher.json(new WsMessages.Subscribed(result.coins()));
    }

    @OnBinaryMessage
    public String onBinary(WebSocketConnection connection, Buffer frame) {
        return publisher.json(new WsMessages.Error("binary frames are not supported; send JSON text"));
    }

    @OnError
    public String onError(WebSocketConnection connection, Throwable failure) {
        LOG.debugf(failure, "Error on /ws/market connection %s", connection.id());
        return publisher.json(new WsMessages.Error("could not handle the frame: " + failure.getClass().getSimpleName()));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        subscriptions.close(connection.id());
    }
}
