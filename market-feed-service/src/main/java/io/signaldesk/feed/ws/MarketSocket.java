package io.signaldesk.feed.ws;

import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.signaldesk.common.ws.FrameBudget;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.service.SourceManager;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * /ws/market: a snapshot on connect, then each changed coin within the connection's publish interval and every coin
 * each feed.full-snapshot-every (see {@link MarketPublisher}); {@code ?interval=10ms} on the upgrade or
 * {@code {"interval":"10ms"}} sets this connection's interval (feed.publish-interval unless asked), and
 * {@code {"subscribe":[...]}} narrows the coins pushed to it. Bad frames or a bad interval get an error frame naming the
 * field and the connection stays open, unchanged.
 */
@WebSocket(path = "/ws/market")
public class MarketSocket {

    private static final Logger LOG = Logger.getLogger(MarketSocket.class);

    private final Subscriptions subscriptions;
    private final MarketPublisher publisher;
    private final SubscriptionParser parser;
    private final PublishIntervalParser intervals;
    private final Duration defaultInterval;
    private final List<String> followed;
    private final FrameBudget budget;
    private final SourceManager sources;

    public MarketSocket(Subscriptions subscriptions, MarketPublisher publisher, MarketStateService state,
            ObjectMapper mapper, FeedConfig config, SourceManager sources, FrameBudget budget) {
        this.sources = sources;
        this.subscriptions = subscriptions;
        this.budget = budget;
        this.publisher = publisher;
        this.intervals = new PublishIntervalParser(config.publishIntervalMin());
        this.parser = new SubscriptionParser(mapper, state.coins(), intervals);
        this.defaultInterval = config.publishInterval();
        this.followed = state.coins();
    }

    /**
     * Every coin first; pushes of changes start once that frame is written, so none can overtake it. A bad
     * {@code interval} query parameter gets an error frame after it, and the connection the default interval.
     */
    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        PublishIntervalParser.Result asked = intervalOf(connection.handshakeRequest().query());
        Subscriber subscriber = new Subscriber(connection,
                asked != null && asked.interval() != null ? asked.interval() : defaultInterval);
        subscriptions.open(subscriber);
        Uni<Void> opened = connection.sendText(publisher.snapshotFor(List.of())).invoke(() -> {
            subscriber.markReady();
            sources.clientsConnected(subscriptions.readyClients()); // a replay may wait for its clients
        });
        if (asked == null || asked.error() == null) {
            return opened;
        }
        String error = publisher.json(new WsMessages.Error(asked.error(), PublishIntervalParser.FIELD));
        return opened.chain(() -> connection.sendText(error));
    }

    /** The upgrade's {@code interval} parameter, null when there is none; other parameters are ignored. */
    private PublishIntervalParser.Result intervalOf(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<String> values = new QueryStringDecoder(query, false).parameters().get(PublishIntervalParser.FIELD);
        if (values == null) {
            return null;
        }
        if (values.size() != 1) {
            return new PublishIntervalParser.Result(null, "interval given " + values.size() + " times; give it once");
        }
        return intervals.parse(values.get(0));
    }

    /** Frames beyond the connection's {@link FrameBudget} are refused before parsing. */
    @OnTextMessage
    public Uni<Void> onText(WebSocketConnection connection, String frame) {
        if (!budget.admit(connection)) {
            return Uni.createFrom().voidItem();
        }
        SubscriptionParser.Result result = parser.parse(frame);
        if (result.error() != null) {
            return connection.sendText(publisher.json(new WsMessages.Error(result.error(), result.field())));
        }
        Subscriber subscriber = subscriptions.of(connection.id());
        if (subscriber == null) {
            return Uni.createFrom().voidItem(); // closed meanwhile
        }
        if (result.coins() != null) {
            subscriber.coins(result.coins());
        }
        if (result.interval() != null) {
            subscriber.interval(result.interval());
            publisher.intervalChanged(subscriber);
        }
        List<String> coins = subscriber.coins().isEmpty() ? followed : subscriber.coins();
        return connection.sendText(publisher.json(
                new WsMessages.Subscribed(coins, PublishIntervalParser.format(subscriber.interval()))));
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
        if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("max message size")) {
            // past quarkus.websockets-next.server.max-message-size: Vert.x refuses it before onText sees it
            return publisher.json(new WsMessages.Error("frame too large: over the socket's message limit, at most "
                    + SubscriptionParser.MAX_FRAME_CHARS + " characters"));
        }
        return publisher.json(new WsMessages.Error("could not handle the frame"));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        subscriptions.close(connection.id());
        budget.forget(connection);
    }
}
