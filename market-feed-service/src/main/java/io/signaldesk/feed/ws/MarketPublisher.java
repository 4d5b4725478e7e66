package io.signaldesk.feed.ws;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.domain.CoinSnapshot;
import io.signaldesk.feed.service.MarketStateService;
import io.vertx.core.Vertx;

/** Pushes a snapshot frame to every /ws/market connection each feed.publish-interval, filtered per connection. */
@Singleton
public class MarketPublisher {

    private static final Logger LOG = Logger.getLogger(MarketPublisher.class);

    private final MarketStateService state;
    private final Subscriptions subscriptions;
    private final OpenConnections connections;
    private final ObjectMapper mapper;
    private final FeedConfig config;
    private final Vertx vertx;
    private long timerId = -1;

    public MarketPublisher(MarketStateService state, Subscriptions subscriptions,
            OpenConnections connections, ObjectMapper mapper, FeedConfig config, Vertx vertx) {
        this.state = state;
        this.subscriptions = subscriptions;
        this.connections = connections;
        this.mapper = mapper;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        long millis = Math.max(50, config.publishInterval().toMillis());
        timerId = vertx.setPeriodic(millis, id -> publish());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    void publish() {
        if (subscriptions.clients() == 0) {
            return;
        }
        Instant now = Instant.now();
        List<CoinSnapshot> all = state.snapshot();
        for (WebSocketConnection connection : connections) {
            if (!connection.isOpen()) {
                continue;
            }
            String frame = json(new WsMessages.Snapshot(now, filter(all, subscriptions.of(connection.id()))));
            connection.sendText(frame).subscribe().with(ok -> {
            }, failure -> LOG.debugf("Snapshot push to %s failed: %s", connection.id(), failure));
        }
    }

    String snapshotFor(String connectionId) {
        return json(new WsMessages.Snapshot(Instant.now(), filter(state.snapshot(), subscriptions.of(connectionId))));
    }

    private static List<CoinSnapshot> filter(List<CoinSnapshot> all, List<String> coins) {
        return coins.isEmpty() ? all : all.stream().filter(c -> coins.contains(c.coin())).toList();
    }

    String json(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }
}
