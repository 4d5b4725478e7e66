package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import io.signaldesk.core.edge.VolatilityRegime;

/**
 * Each coin's recent marks on the market its prices come from, for its volatility regime: the range of the window
 * against the round trip. A window holds one market's marks only: when a coin's feed switches market (the simulator's
 * made-up prices, then a venue's) its window starts again, so a regime is never the gap between two markets' prices.
 * Not thread-safe: {@link EdgeService} locks.
 */
final class RegimeWindows {

    private record PricePoint(Instant at, BigDecimal price) {
    }

    private record Window(String market, Deque<PricePoint> points) {
    }

    /** Recent marks per coin kept for the regime are at least this far apart in market time. */
    private static final Duration SPACING = Duration.ofSeconds(5);

    private final Duration length;
    private final BigDecimal roundTripPct;
    private final Map<String, Window> windows = new HashMap<>();

    RegimeWindows(Duration length, BigDecimal roundTripPct) {
        this.length = length;
        this.roundTripPct = roundTripPct;
    }

    /** {@code coin}'s mark on {@code market} at {@code now}: a window of another market is dropped first. */
    void add(String coin, String market, BigDecimal mark, Instant now) {
        Window window = windows.get(coin);
        if (window == null || !window.market().equals(market)) {
            window = new Window(market, new ArrayDeque<>());
            windows.put(coin, window);
        }
        Deque<PricePoint> points = window.points();
        if (points.isEmpty() || !points.peekLast().at().plus(SPACING).isAfter(now)) {
            points.addLast(new PricePoint(now, mark));
        }
        while (points.size() > 1 && points.peekFirst().at().isBefore(now.minus(length))) {
            points.removeFirst();
        }
    }

    /** {@code coin}'s regime on {@code market}: UNKNOWN until its window on that market has two marks. */
    VolatilityRegime regime(String coin, String market) {
        Window window = windows.get(coin);
        if (window == null || !window.market().equals(market) || window.points().size() < 2) {
            return VolatilityRegime.UNKNOWN;
        }
        BigDecimal low = null;
        BigDecimal high = null;
        for (PricePoint p : window.points()) {
            low = low == null || p.price().compareTo(low) < 0 ? p.price() : low;
            high = high == null || p.price().compareTo(high) > 0 ? p.price() : high;
        }
        BigDecimal range = high.subtract(low).multiply(BigDecimal.valueOf(100)).divide(low, 6, RoundingMode.HALF_UP);
        return VolatilityRegime.of(range, roundTripPct);
    }
}
