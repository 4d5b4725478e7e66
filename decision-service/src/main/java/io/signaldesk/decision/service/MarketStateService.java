package io.signaldesk.decision.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.decision.client.FeedCoin;
import io.signaldesk.decision.client.FeedMessage;
import io.signaldesk.decision.config.DecisionConfig;

/** Latest market state per coin plus a short price history, fed by the feed client. */
@ApplicationScoped
public class MarketStateService {

    /** One observed price. */
    public record PricePoint(Instant at, BigDecimal price) {
    }

    private final Map<String, FeedCoin> latest = new ConcurrentHashMap<>();
    private final Map<String, Deque<PricePoint>> history = new ConcurrentHashMap<>();
    private final Duration window;
    private final Duration staleAfter;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant lastFrameAt;

    MarketStateService(DecisionConfig config) {
        this.window = config.feed().historyWindow();
        this.staleAfter = config.feed().staleAfter();
    }

    public void accept(FeedMessage snapshot) {
        accept(snapshot, clock.instant());
    }

    /** Takes in a snapshot received at {@code receivedAt}; coins without a price are ignored. */
    public void accept(FeedMessage snapshot, Instant receivedAt) {
        lastFrameAt = receivedAt;
        for (FeedCoin coin : snapshot.coins()) {
            if (coin == null || coin.coin() == null || coin.markPrice() == null || coin.markPrice().signum() <= 0) {
                continue;
            }
            latest.put(coin.coin(), coin);
            Deque<PricePoint> points = history.computeIfAbsent(coin.coin(), c -> new ArrayDeque<>());
            synchronized (points) {
                points.addLast(new PricePoint(receivedAt, coin.markPrice()));
                while (!points.isEmpty() && points.peekFirst().at().isBefore(receivedAt.minus(window))) {
                    points.removeFirst();
                }
            }
        }
    }

    public Optional<FeedCoin> latest(String coin) {
        return Optional.ofNullable(latest.get(coin));
    }

    public List<FeedCoin> all() {
        return List.copyOf(new TreeMap<>(latest).values());
    }

    public Optional<BigDecimal> price(String coin) {
        return latest(coin).map(FeedCoin::markPrice);
    }

    /** The first price seen at or after {@code at}, if the history reaches that far. */
    public Optional<BigDecimal> priceAtOrAfter(String coin, Instant at) {
        Deque<PricePoint> points = history.get(coin);
        if (points == null) {
            return Optional.empty();
        }
        synchronized (points) {
            return points.stream().filter(p -> !p.at().isBefore(at)).findFirst().map(PricePoint::price);
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
        lastFrameAt = null;
    }
}
