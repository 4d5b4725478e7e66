package io.signaldesk.feed.ws;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.service.ReplayCoalescing;
import io.signaldesk.feed.service.SourceManager;
import io.vertx.core.Vertx;

/**
 * Pushes /ws/market frames, filtered per connection: a coin's snapshot the moment it changes when it was last pushed
 * at least feed.publish-interval ago (leading edge: a tick reaches a consumer in milliseconds); its further changes
 * within the interval are coalesced into one push at the interval's end; and every coin each
 * feed.full-snapshot-every, changed or not, as a heartbeat.
 */
@Singleton
public class MarketPublisher {

    private static final Logger LOG = Logger.getLogger(MarketPublisher.class);

    private final MarketStateService state;
    private final Subscriptions subscriptions;
    private final OpenConnections connections;
    private final ObjectMapper mapper;
    private final FeedConfig config;
    private final Vertx vertx;
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastPushNanos = new ConcurrentHashMap<>();
    private final SourceManager sources;
    private final ReplayCoalescing replay;
    private long timerId = -1;

    public MarketPublisher(MarketStateService state, Subscriptions subscriptions,
            OpenConnections connections, ObjectMapper mapper, FeedConfig config, Vertx vertx, SourceManager sources,
            ReplayCoalescing replay) {
        this.replay = replay;
        this.sources = sources;
        this.state = state;
        this.subscriptions = subscriptions;
        this.connections = connections;
        this.mapper = mapper;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (replay.active()) {
            // a replay pushes on market time and sends no heartbeat: a frame without new market time would be decided
            // on again by an engine on market time, which the backtest of the same capture does not do
            replay.onPublish(coin -> push(state.snapshot(Set.of(coin)), true));
            state.onChange((java.util.function.Consumer<String>) replay::changed);
            return;
        }
        long millis = Math.max(50, config.fullSnapshotEvery().toMillis());
        timerId = vertx.setPeriodic(millis, id -> publish());
        state.onChange((java.util.function.Consumer<String>) this::changed);
    }

    /** {@code coin} changed: pushed now if its last push is an interval old, else once when the interval ends. */
    void changed(String coin) {
        if (subscriptions.clients() == 0 || !scheduled.add(coin)) {
            return; // a push of this coin is already on its way and will read its latest state
        }
        Long last = lastPushNanos.get(coin);
        long waitNanos = last == null ? 0 : last + config.publishInterval().toNanos() - System.nanoTime();
        if (waitNanos <= 0) {
            vertx.runOnContext(v -> publishChanged(coin));
        } else {
            vertx.setTimer(Math.max(1, waitNanos / 1_000_000), id -> publishChanged(coin));
        }
    }

    void publishChanged(String coin) {
        scheduled.remove(coin); // before reading the state: a change from now on schedules the next push
        lastPushNanos.put(coin, System.nanoTime());
        push(state.snapshot(Set.of(coin)), true);
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
        push(state.snapshot(), false);
    }

    /** One frame per connection with the coins it follows; none when {@code onlyIfAny} and it follows none of them. */
    private void push(List<CoinSnapshot> coins, boolean onlyIfAny) {
        Instant now = Instant.now();
        for (WebSocketConnection connection : connections) {
            if (!connection.isOpen() || !subscriptions.isOpen(connection.id())) {
                continue; // not yet sent its snapshot on connect
            }
            List<CoinSnapshot> followed = filter(coins, subscriptions.of(connection.id()));
            if (onlyIfAny && followed.isEmpty()) {
                continue;
            }
            String frame = json(new WsMessages.Snapshot(now, sources.identity(), followed));
            connection.sendText(frame).subscribe().with(ok -> {
            }, failure -> LOG.debugf("Snapshot push to %s failed: %s", connection.id(), failure));
        }
    }

    String snapshotFor(String connectionId) {
        return json(new WsMessages.Snapshot(Instant.now(), sources.identity(), filter(state.snapshot(), subscriptions.of(connectionId))));
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
