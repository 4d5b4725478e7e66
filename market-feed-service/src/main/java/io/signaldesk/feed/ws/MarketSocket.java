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
import io.signaldesk.common.ws.FrameBudget;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.service.SourceManager;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * /ws/market: a snapshot on connect, then each changed coin within feed.publish-interval and every coin each
 * feed.full-snapshot-every (see {@link MarketPublisher});
 * {@code {"subscribe":[...]}} narrows the coins pushed to this connection. Bad frames get an error
 * frame and the connection stays open.
 */
@WebSocket(path = "/ws/market")
public class MarketSocket {

    private static final Logger LOG = Logger.getLogger(MarketSocket.class);

    private final Subscriptions subscriptions;
    private final MarketPublisher publisher;
    private final SubscriptionParser parser;
    private final FrameBudget budget = new FrameBudget();
    private final SourceManager sources;

    public MarketSocket(Subscriptions subscriptions, MarketPublisher publisher, MarketStateService state,
            ObjectMapper mapper, SourceManager sources) {
        this.sources = sources;
        this.subscriptions = subscriptions;
        this.publisher = publisher;
        this.parser = new SubscriptionParser(mapper, state.coins());
    }

    /** Every coin first; pushes of changes start once that frame is written, so none can overtake it. */
    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        return connection.sendText(publisher.snapshotFor(connection.id()))
                .invoke(() -> {
                    subscriptions.open(connection.id());
                    sources.clientsConnected(subscriptions.clients()); // a replay may wait for its clients
                });
    }

    /** Frames beyond the connection's {@link FrameBudget} are refused before parsing. */
    @OnTextMessage
    public Uni<Void> onText(WebSocketConnection connection, String frame) {
        if (!budget.admit(connection)) {
            return Uni.createFrom().voidItem();
        }
        SubscriptionParser.Result result = parser.parse(frame);
        if (result.error() != null) {
            return connection.sendText(publisher.json(new WsMessages.Error(result.error())));
        }
        subscriptions.set(connection.id(), result.coins());
        return connection.sendText(publisher.json(new WsMessages.Subscribed(result.coins())));
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(WebSocketConnection connection, Buffer frame) {
        if (!budget.admit(connection)) {
            return Uni.createFrom().voidItem();
        }
        return connection.sendText(publisher.json(new WsMessages.Error("binary frames are not supported; send JSON text")));
    }

    @OnError
    public String onError(WebSocketConnection connection, Throwable failure) {
        LOG.debugf(failure, "Error on /ws/market connection %s", connection.id());
        return publisher.json(new WsMessages.Error("could not handle the frame"));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        subscriptions.close(connection.id());
        budget.forget(connection);
    }
}
