package io.signaldesk.core.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sharpe ratios of a list of trades (no risk-free rate: crypto cash earns nothing here).
 * <ul>
 * <li>{@code perTrade}: mean / standard deviation of the trades' net percents.</li>
 * <li>{@code annualised}: of the daily series (each UTC day of the period the sum of its trades' net percents, 0 on a
 * day without trades), mean / standard deviation × √365, as crypto trades every day of the year.</li>
 * <li>{@code deflated} (Bailey &amp; López de Prado, 2014): the probability that the per-trade Sharpe is above what the
 * best of {@code trials} settings tried on the same data would show by luck, with the trades' skewness and kurtosis.
 * The trials' own Sharpes are not kept, so their spread is taken as the estimator's with no skill, 1/(T−1). With one
 * trial it is the probabilistic Sharpe ratio against zero.</li>
 * </ul>
 * Null where undefined (fewer than two trades, no spread).
 */
public record Sharpe(Double perTrade, Double annualised, int days, Double deflated, int trials) {

    private static final double EULER_GAMMA = 0.5772156649015329;

    public static Sharpe of(List<Trade> trades, Instant from, Instant to, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        int days = (int) ChronoUnit.DAYS.between(first, LocalDate.ofInstant(to, ZoneOffset.UTC)) + 1;
        if (trades.size() < 2) {
            return new Sharpe(null, null, days, null, trials);
        }
        double[] r = trades.stream().mapToDouble(Trade::netPct).toArray();
        double[] daily = new double[days];
        for (Trade t : trades) {
            int day = (int) ChronoUnit.DAYS.between(first, LocalDate.ofInstant(t.entryAt(), ZoneOffset.UTC));
            if (day >= 0 && day < days) {
                daily[day] += t.netPct();
            }
        }
        Double perTrade = ratio(r);
        Double annual = days < 2 ? null : ratio(daily);
        return new Sharpe(perTrade, annual == null ? null : annual * Math.sqrt(365), days,
                perTrade == null ? null : deflated(perTrade, r, trials), trials);
    }

    /** mean / sample standard deviation; null without spread. */
    private static Double ratio(double[] x) {
        double mean = mean(x);
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length - 1;
        return var <= 0 ? null : mean / Math.sqrt(var);
    }

    static double deflated(double sr, double[] r, int trials) {
        int t = r.length;
        double mean = mean(r);
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : r) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= t;
        m3 /= t;
        m4 /= t;
        double skew = m3 / Math.pow(m2, 1.5);
        double kurtosis = m4 / (m2 * m2);
        double benchmark = trials == 1 ? 0
                : Math.sqrt(1.0 / (t - 1)) * ((1 - EULER_GAMMA) * Normal.quantile(1 - 1.0 / trials)
                        + EULER_GAMMA * Normal.quantile(1 - 1.0 / (trials * Math.E)));
        double denominator = 1 - skew * sr + (kurtosis - 1) / 4 * sr * sr;
        return Normal.cdf((sr - benchmark) * Math.sqrt(t - 1) / Math.sqrt(Math.max(denominator, 1e-12)));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
