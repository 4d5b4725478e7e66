package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.domain.Direction;
import io.signaldesk.decision.service.SignalScorer;

/**
 * Hit counts per horizon and group, kept as counters (no outcome is stored, so five weeks fit in
 * memory). The hit rule is the engine's ({@link SignalScorer}): LONG hits when the move over the
 * horizon is above +band, SHORT below −band, WAIT within. Each group carries both baselines on the
 * very same instants: always-WAIT (hit when the move stayed within the band) and buy-and-hold (a LONG
 * at every instant: hit when the move was above +band).
 */
public final class Scoreboard {

    /** One group's figures at one horizon. Rates are 0-1, 4 decimals, null when nothing was scored. */
    @RegisterForReflection
    public record Stats(int signals, int hits, BigDecimal hitRate, BigDecimal alwaysWaitHitRate,
            BigDecimal buyAndHoldHitRate) {
    }

    /** Everything scored at one horizon. */
    @RegisterForReflection
    public record HorizonScores(int horizonMinutes, Stats overall, Map<String, Stats> byCoin,
            Map<String, Stats> bySource, Map<String, Stats> byConfidence, Map<String, Stats> byDirection,
            Stats directionalOnly) {
    }

    private static final class Counter {
        int signals;
        int hits;
        int waitHits;
        int holdHits;

        void add(boolean hit, Direction actual) {
            signals++;
            hits += hit ? 1 : 0;
            waitHits += actual == Direction.WAIT ? 1 : 0;
            holdHits += actual == Direction.LONG ? 1 : 0;
        }

        Stats stats() {
            return new Stats(signals, hits, rate(hits), rate(waitHits), rate(holdHits));
        }

        private BigDecimal rate(int count) {
            return signals == 0 ? null
                    : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(signals), 4, RoundingMode.HALF_UP);
        }
    }

    private final List<Integer> horizons;
    private final BigDecimal flatBandPct;
    private final Map<Integer, Map<String, Counter>> counters = new LinkedHashMap<>();

    public Scoreboard(List<Integer> horizonsMinutes, BigDecimal flatBandPct) {
        this.horizons = List.copyOf(horizonsMinutes);
        this.flatBandPct = flatBandPct;
        horizons.forEach(h -> counters.put(h, new TreeMap<>()));
    }

    public List<Integer> horizons() {
        return horizons;
    }

    /** Scores a signal made at the close {@code price0} against the close {@code horizon} bars later. */
    public void score(int horizon, String coin, String source, Direction direction, int confidence,
            BigDecimal price0, BigDecimal priceAtHorizon) {
        Direction actual = SignalScorer.actual(SignalScorer.movePct(price0, priceAtHorizon), flatBandPct);
        boolean hit = direction == actual;
        Map<String, Counter> groups = counters.get(horizon);
        for (String key : new String[] { "all", "coin\u0000" + coin, "source\u0000" + source,
                "confidence\u0000" + SignalScorer.bucket(confidence), "direction\u0000" + direction }) {
            groups.computeIfAbsent(key, k -> new Counter()).add(hit, actual);
        }
        if (direction != Direction.WAIT) {
            groups.computeIfAbsent("directional", k -> new Counter()).add(hit, actual);
        }
    }

    public List<HorizonScores> results() {
        return horizons.stream().map(h -> {
            Map<String, Counter> groups = counters.get(h);
            return new HorizonScores(h, stats(groups, "all"), group(groups, "coin"), group(groups, "source"),
                    group(groups, "confidence"), group(groups, "direction"), stats(groups, "directional"));
        }).toList();
    }

    private static Stats stats(Map<String, Counter> groups, String key) {
        return groups.getOrDefault(key, new Counter()).stats();
    }

    private static Map<String, Stats> group(Map<String, Counter> groups, String kind) {
        Map<String, Stats> result = new LinkedHashMap<>();
        groups.forEach((key, counter) -> {
            if (key.startsWith(kind + "\u0000")) {
                result.put(key.substring(kind.length() + 1), counter.stats());
            }
        });
        return result;
    }
}
