package io.signaldesk.feed.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.service.ReplayCoalescing;
import io.signaldesk.feed.service.SourceManager;
import io.vertx.core.Vertx;

/**
 * Pushes /ws/market frames, per connection at that connection's own publish interval (feed.publish-interval unless it
 * asked for another, {@link PublishIntervalParser}): a coin's snapshot the moment it changes when it was last pushed to
 * that connection at least an interval ago (leading edge: a tick reaches a consumer in milliseconds); its further
 * changes within the interval are coalesced into one push at the interval's end (one timer per connection and coin at
 * most); and every coin each feed.full-snapshot-every, changed or not, as a heartbeat.
 */
@Singleton
public class MarketPublisher {

    private static final Logger LOG = Logger.getLogger(MarketPublisher.class);

    private final MarketStateService state;
    private final Subscriptions subscriptions;
    private final ObjectMapper mapper;
    private final FeedConfig config;
    private final Vertx vertx;
    private final SourceManager sources;
    private final Counter defaultFrames;
    private final Counter ownFrames;
    private final ReplayCoalescing replay;
    private long timerId = -1;

    public MarketPublisher(MarketStateService state, Subscriptions subscriptions, ObjectMapper mapper,
            FeedConfig config, Vertx vertx, SourceManager sources, MeterRegistry registry, ReplayCoalescing replay) {
        this.replay = replay;
        this.sources = sources;
        this.state = state;
        this.subscriptions = subscriptions;
        this.mapper = mapper;
        this.config = config;
        this.vertx = vertx;
        this.defaultFrames = frames(registry, "default");
        this.ownFrames = frames(registry, "own");
    }

    private static Counter frames(MeterRegistry registry, String interval) {
        return Counter.builder("feed.websocket.frames").tag("interval", interval)
                .description("Snapshot frames pushed on /ws/market, by whether the connection uses "
                        + "feed.publish-interval (default) or an interval of its own (own)")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        Duration min = config.publishIntervalMin();
        if (min.isNegative() || min.isZero() || config.publishInterval().compareTo(min) < 0
                || min.compareTo(PublishIntervalParser.MAX) > 0) {
            throw new IllegalStateException("feed.publish-interval-min (" + min + ") must be positive, at most "
                    + PublishIntervalParser.MAX + " and not above feed.publish-interval (" + config.publishInterval()
                    + ")");
        }
        if (replay.active()) {
            // a replay pushes on market time and sends no heartbeat: a frame without new market time would be decided
            // on again by an engine on market time, which the backtest of the same capture does not do
            replay.onPublish(this::pushToFollowers);
            state.onChange((java.util.function.Consumer<String>) replay::changed);
            return;
        }
        long millis = Math.max(50, config.fullSnapshotEvery().toMillis());
        timerId = vertx.setPeriodic(millis, id -> publish());
        state.onChange((java.util.function.Consumer<String>) this::changed);
    }

    /** {@code coin} changed: pushed now to each follower whose last push of it is an interval old, else at its end. */
    void changed(String coin) {
        long now = System.nanoTime();
        for (Subscriber subscriber : subscriptions.all()) {
            if (subscriber.ready() && subscriber.follows(coin)) {
                schedule(subscriber, coin, now);
            }
        }
    }

    private void schedule(Subscriber subscriber, String coin, long now) {
        if (!subscriber.schedule(coin)) {
            return; // a push of this coin to it is already on its way and will read the latest state
        }
        long waitNanos = subscriber.waitNanos(coin, now);
        if (waitNanos == 0) {
            vertx.runOnContext(v -> publishChanged(subscriber, coin));
        } else {
            subscriber.timer(coin, vertx.setTimer(Math.max(1, waitNanos / 1_000_000),
                    id -> publishChanged(subscriber, coin)));
        }
    }

    /** The connection changed its interval: pushes waiting on the old one are timed again on the new one. */
    void intervalChanged(Subscriber subscriber) {
        long now = System.nanoTime();
        subscriber.timers().forEach((coin, timerId) -> {
            if (timerId != Subscriber.NOW && vertx.cancelTimer(timerId)) {
                subscriber.cancelled(coin, timerId);
                schedule(subscriber, coin, now);
            }
        });
    }

    void publishChanged(Subscriber subscriber, String coin) {
        subscriber.pushing(coin, System.nanoTime()); // before reading the state: a later change schedules the next
        if (subscriber.follows(coin) && subscriptions.of(subscriber.connection().id()) == subscriber) {
            send(subscriber, state.snapshot(Set.of(coin)));
        }
    }

    /** A replay's push of {@code coin} on market time, to every connection following it (no interval applies). */
    private void pushToFollowers(String coin) {
        List<CoinSnapshot> coins = state.snapshot(Set.of(coin));
        for (Subscriber subscriber : subscriptions.all()) {
            if (subscriber.ready() && subscriber.follows(coin)) {
                send(subscriber, coins);
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** The heartbeat: every coin a connection follows, changed or not. */
    void publish() {
        if (subscriptions.clients() == 0) {
            return;
        }
        List<CoinSnapshot> coins = state.snapshot();
        for (Subscriber subscriber : subscriptions.all()) {
            if (subscriber.ready()) {
                send(subscriber, filter(coins, subscriber.coins()));
            }
        }
    }

    private void send(Subscriber subscriber, List<CoinSnapshot> coins) {
        if (!subscriber.connection().isOpen()) {
            return;
        }
        String frame = json(new WsMessages.Snapshot(Instant.now(), sources.identity(), coins));
        (subscriber.interval().equals(config.publishInterval()) ? defaultFrames : ownFrames).increment();
        subscriber.connection().sendText(frame).subscribe().with(ok -> {
        }, failure -> LOG.debugf("Snapshot push to %s failed: %s", subscriber.connection().id(), failure));
    }

    String snapshotFor(List<String> coins) {
        return json(new WsMessages.Snapshot(Instant.now(), sources.identity(), filter(state.snapshot(), coins)));
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
