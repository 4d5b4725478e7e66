package io.signaldesk.core.edge;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a setup's track record says about its next call, net of the round trip. The expected move is the record's mean
 * move in the call's direction shrunk toward no move ({@code sum / (scored + priorStrength)}); the expectancy is that
 * minus the round-trip cost; its lower bound subtracts z (of the confidence) standard errors
 * ({@code stdev / sqrt(scored + priorStrength)}). A setup is {@code proven} once it has {@code minSample} scored calls,
 * its lower bound is above zero and its expected move exceeds the round trip. Percentages, 4 decimals; null where the
 * record cannot tell yet (no calls, or one).
 */
public record EdgeEstimate(SetupKey setup, long scored, int minSample, BigDecimal meanMovePct, BigDecimal expectedMovePct,
        BigDecimal roundTripPct, BigDecimal expectancyPct, BigDecimal lowerBoundPct, double confidence, boolean proven) {

    /** The estimate of {@code setup} from its {@code tally}, trades costing {@code roundTripPct}. */
    public static EdgeEstimate of(SetupKey setup, Tally tally, BigDecimal roundTripPct, EdgeSettings settings) {
        long n = tally.count();
        double k = settings.priorStrength();
        double rt = roundTripPct.doubleValue();
        Double mean = n == 0 ? null : tally.sum() / n;
        double expected = n + k == 0 ? 0 : tally.sum() / (n + k);
        double expectancy = expected - rt;
        double sd = tally.stdev();
        Double lower = Double.isNaN(sd) ? null : expectancy - settings.z() * sd / Math.sqrt(n + k);
        boolean proven = n >= settings.minSample() && lower != null && lower > 0 && expected > rt;
        return new EdgeEstimate(setup, n, settings.minSample(), pct(mean), pct(expected), roundTripPct,
                pct(expectancy), pct(lower), settings.confidence(), proven);
    }

    /** Whether the setup still has fewer scored calls than it needs. */
    public boolean cold() {
        return scored < minSample;
    }

    /** What a cold setup waits for: "BTC LONG, rules (confidence 4-6, calm market): 12 of 30 scored calls". */
    public String waitingFor() {
        return "%s %s, %s (confidence %s, %s market): %d of %d scored calls".formatted(setup.coin(), setup.direction(),
                setup.source().toLowerCase(java.util.Locale.ROOT), setup.bucket(),
                setup.regime().name().toLowerCase(java.util.Locale.ROOT), scored, minSample);
    }

    /** The figures as the decision log and the dashboard say them. */
    public String summary() {
        if (cold()) {
            return waitingFor();
        }
        return "%s: expectancy %s %% a trade after the %s %% round trip, lower bound %s %% (%s %%), expected move %s %%, %d scored calls"
                .formatted(setup.label(), signed(expectancyPct), roundTripPct.stripTrailingZeros().toPlainString(),
                        lowerBoundPct == null ? "unknown" : signed(lowerBoundPct),
                        BigDecimal.valueOf(confidence * 100).stripTrailingZeros().toPlainString(), signed(expectedMovePct),
                        scored);
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }

    private static BigDecimal pct(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }
}
