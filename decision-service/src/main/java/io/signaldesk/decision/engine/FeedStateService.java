package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;


import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.core.market.Coin;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.scoring.PricePoint;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;

/**
 * Latest market state per coin plus a short price history, fed by the feed client; each coin's price remembers the
 * feed (market) it came from, so a position is only ever marked by prices of the market it was opened on.
 */
public class FeedStateService {

    private static final Logger LOG = Logger.getLogger(FeedStateService.class);

    private final Map<String, CoinSnapshot> latest = new ConcurrentHashMap<>();
    private final Map<String, Deque<PricePoint>> history = new ConcurrentHashMap<>();
    private final Map<String, FeedIdentity> feedOf = new ConcurrentHashMap<>();
    private volatile FeedIdentity currentFeed;
    private final MeterRegistry registry;
    private final Duration window;
    private final Duration staleAfter;
    private final int maxCoins;
    private final Clock clock;
    private final Counter refused;
    private volatile Instant lastFrameAt;

    FeedStateService(DecisionConfig config, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.registry = registry;
        this.window = config.feed().historyWindow();
        this.staleAfter = config.feed().staleAfter();
        this.maxCoins = config.feed().maxCoins();
        this.refused = registry.counter("decision.feed.coins.refused");
    }

    public List<String> accept(FeedMessage snapshot) {
        return accept(snapshot, clock.instant());
    }

    /**
     * Takes in a snapshot received at {@code receivedAt}: each coin under its one {@link Coin} name ("btc" is BTC), one
     * that is no valid Coin or beyond decision.feed.max-coins ignored, one without a price not stored; returns the
     * frame's coins the engine follows, by that name, in the frame's order.
     */
    public List<String> accept(FeedMessage snapshot, Instant receivedAt) {
        lastFrameAt = receivedAt;
        FeedIdentity feed = snapshot.identity();
        currentFeed = feed;
        List<String> followed = new ArrayList<>();
        for (CoinSnapshot raw : snapshot.coins()) {
            if (raw == null || !Coin.valid(raw.coin())) {
                continue;
            }
            CoinSnapshot coin = raw.named(Coin.of(raw.coin()).symbol());
            if (!latest.containsKey(coin.coin()) && latest.size() >= maxCoins) {
                if (refused.count() == 0) {
                    LOG.warnf("the feed names more than decision.feed.max-coins=%d coins: %s and any further are ignored",
                            maxCoins, coin.coin());
                }
                refused.increment();
                continue;
            }
            if (!followed.contains(coin.coin())) {
                followed.add(coin.coin());
            }
            if (coin.markPrice() == null || coin.markPrice().signum() <= 0) {
                continue;
            }
            if (latest.put(coin.coin(), coin) == null) {
                // a coin's fill counters exist from the moment the feed names it, so the fills panel reads 0
                PaperTradingService.fills(registry, coin.coin(), "BUY");
                PaperTradingService.fills(registry, coin.coin(), "SELL");
            }
            FeedIdentity before = feedOf.put(coin.coin(), feed);
            if (before != null && !before.market().equals(feed.market())) {
                history.remove(coin.coin()); // another market's prices: the old history says nothing about this one
            }
            Deque<PricePoint> points = history.computeIfAbsent(coin.coin(), c -> new ArrayDeque<>());
            synchronized (points) {
                points.addLast(new PricePoint(receivedAt, coin.markPrice()));
                while (!points.isEmpty() && points.peekFirst().at().isBefore(receivedAt.minus(window))) {
                    points.removeFirst();
                }
            }
        }
        return followed;
    }

    public Optional<CoinSnapshot> latest(String coin) {
        return Optional.ofNullable(latest.get(coin));
    }

    public List<CoinSnapshot> all() {
        return List.copyOf(new TreeMap<>(latest).values());
    }

    public Optional<BigDecimal> price(String coin) {
        return latest(coin).map(CoinSnapshot::markPrice);
    }

    /** The feed the latest price of {@code coin} came from. */
    public Optional<FeedIdentity> feedOf(String coin) {
        return Optional.ofNullable(feedOf.get(coin));
    }

    /** The feed of the latest frame. */
    public Optional<FeedIdentity> currentFeed() {
        return Optional.ofNullable(currentFeed);
    }

    /** True when the latest price of the position's coin comes from the market the position was opened on. */
    public boolean sameMarket(Position position) {
        FeedIdentity feed = feedOf.get(position.coin());
        return feed != null && position.feedMarket() != null && position.feedMarket().equals(feed.market());
    }

    /** The latest price of the position's coin, only when it is a price of the market the position was opened on. */
    public Optional<BigDecimal> priceFor(Position position) {
        return sameMarket(position) ? price(position.coin()) : Optional.empty();
    }

    /** The price of {@code coin} at a horizon that fell {@code due}, by the core's one definition (first mark at or after it). */
    public Optional<BigDecimal> priceAtHorizon(String coin, Instant due) {
        Deque<PricePoint> points = history.get(coin);
        if (points == null) {
            return Optional.empty();
        }
        synchronized (points) {
            return SignalScorer.priceAtHorizon(points, due);
        }
    }

    /** When the kept history of {@code coin} starts (empty before its first price). */
    public Optional<Instant> historyStart(String coin) {
        Deque<PricePoint> points = history.get(coin);
        if (points == null) {
            return Optional.empty();
        }
        synchronized (points) {
            return Optional.ofNullable(points.peekFirst()).map(PricePoint::at);
        }
    }

    public List<PricePoint> history(String coin) {
        Deque<PricePoint> points = history.get(coin);
        if (points == null) {
            return List.of();
        }
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    public Optional<Instant> lastFrameAt() {
        return Optional.ofNullable(lastFrameAt);
    }

    /** Stale when no frame arrived within decision.feed.stale-after (or never). */
    public boolean stale() {
        return lastFrameAt == null || lastFrameAt.isBefore(clock.instant().minus(staleAfter));
    }

    /** Forgets everything; tests use it to start from a known market. */
    public void clear() {
        latest.clear();
        history.clear();
        feedOf.clear();
        currentFeed = null;
        lastFrameAt = null;
    }
}
