package io.signaldesk.core.evaluation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Net result per trade after costs, percent of the trade's notional: the mean over {@code trades} on {@code days}
 * UTC days, with a 95 % percentile interval from {@code resamples} bootstrap draws of whole UTC days (a day's trades
 * move together, so resampling trades one by one would claim too much certainty), seeded with {@code seed} so the same
 * trades give the same interval. Null figures without trades; on fewer than {@link #MIN_DAYS} UTC days no interval (null
 * ends): one day has no spread between days to resample (a zero-width interval would read as certainty), and a few days
 * have only a handful of distinct resampled means (two days: at most three), whose percentiles would claim an edge the
 * data cannot show.
 */
public record Expectancy(int trades, int days, Double meanPct, Double lowPct, Double highPct, int resamples, long seed) {

    public static final int RESAMPLES = 2000;
    public static final long SEED = 19L;
    /** The fewest distinct UTC days with trades that give an interval. */
    public static final int MIN_DAYS = 5;

    /** {@code trades}: each trade's net percent and the instant it is dated by (its entry). */
    public static Expectancy byDay(List<Trade> trades) {
        if (trades.isEmpty()) {
            return new Expectancy(0, 0, null, null, null, RESAMPLES, SEED);
        }
        Map<LocalDate, double[]> perDay = new TreeMap<>(); // day -> {sum, count}
        for (Trade t : trades) {
            double[] day = perDay.computeIfAbsent(LocalDate.ofInstant(t.entryAt(), ZoneOffset.UTC), d -> new double[2]);
            day[0] += t.netPct();
            day[1]++;
        }
        List<double[]> days = new ArrayList<>(perDay.values());
        double sum = 0;
        for (double[] day : days) {
            sum += day[0];
        }
        if (days.size() < MIN_DAYS) {
            return new Expectancy(trades.size(), days.size(), sum / trades.size(), null, null, RESAMPLES, SEED);
        }
        double[] means = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int b = 0; b < RESAMPLES; b++) {
            double s = 0;
            double n = 0;
            for (int i = 0; i < days.size(); i++) {
                double[] day = days.get(random.nextInt(days.size()));
                s += day[0];
                n += day[1];
            }
            means[b] = s / n;
        }
        java.util.Arrays.sort(means);
        return new Expectancy(trades.size(), days.size(), sum / trades.size(), Percentile.of(means, 0.025),
                Percentile.of(means, 0.975), RESAMPLES, SEED);
    }

    /** Whether the interval lies wholly above zero: a measured edge. */
    public boolean positive() {
        return lowPct != null && lowPct > 0;
    }
}
