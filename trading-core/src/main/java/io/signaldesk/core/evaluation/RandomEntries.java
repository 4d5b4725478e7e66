package io.signaldesk.core.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.trade.PositionSide;

/**
 * The random-entries baseline: {@code draws} times, every trade of the strategy is replaced by one on the same coin
 * with the same holding time and costs, entered at a random bar of the period on a random side (seeded with
 * {@code seed}); each draw's mean net percent per trade forms the distribution. {@code strategyRank} is the share of
 * draws at or below the strategy's own mean (0.5: no better than chance). Null figures without trades.
 */
public record RandomEntries(int draws, long seed, int tradesPerDraw, Double medianPct, Double p5Pct, Double p95Pct,
        Double strategyRank) {

    public static final int DRAWS = 1000;

    /** A coin's closes, read where they are kept (a backtest's compact columns), bar {@code i} by {@link #at}. */
    public interface Prices {
        int length();

        double at(int i);
    }

    /** {@code closes}: each coin's closes, bar {@code i} at {@code start + i × step}. */
    public static RandomEntries of(Map<String, double[]> closes, Instant start, Duration step, List<Trade> trades,
            FeeModel fees, Double strategyMeanPct) {
        Map<String, Prices> paths = new java.util.LinkedHashMap<>();
        closes.forEach((coin, path) -> paths.put(coin, new Prices() {
            @Override
            public int length() {
                return path.length;
            }

            @Override
            public double at(int i) {
                return path[i];
            }
        }));
        return over(paths, start, step, trades, fees, strategyMeanPct);
    }

    /** As {@link #of}, on closes kept elsewhere (nothing copied). */
    public static RandomEntries over(Map<String, ? extends Prices> closes, Instant start, Duration step, List<Trade> trades,
            FeeModel fees, Double strategyMeanPct) {
        List<Trade> usable = trades.stream().filter(t -> closes.containsKey(t.coin()) && closes.get(t.coin()).length() > 1)
                .toList();
        if (usable.isEmpty()) {
            return new RandomEntries(DRAWS, Expectancy.SEED, 0, null, null, null, null);
        }
        double[] means = new double[DRAWS];
        SplittableRandom random = new SplittableRandom(Expectancy.SEED);
        for (int d = 0; d < DRAWS; d++) {
            double sum = 0;
            for (Trade t : usable) {
                Prices path = closes.get(t.coin());
                long hold = Math.max(1, Math.round((double) Duration.between(t.entryAt(), t.exitAt()).toMillis()
                        / step.toMillis()));
                int bars = (int) Math.min(hold, path.length() - 1);
                int entry = random.nextInt(path.length() - bars);
                PositionSide side = random.nextBoolean() ? PositionSide.LONG : PositionSide.SHORT;
                sum += RoundTrip.netPct(side, path.at(entry), path.at(entry + bars), fees);
            }
            means[d] = sum / usable.size();
        }
        Arrays.sort(means);
        return new RandomEntries(DRAWS, Expectancy.SEED, usable.size(), Percentile.of(means, 0.5),
                Percentile.of(means, 0.05), Percentile.of(means, 0.95),
                strategyMeanPct == null ? null : Percentile.rank(means, strategyMeanPct));
    }
}
