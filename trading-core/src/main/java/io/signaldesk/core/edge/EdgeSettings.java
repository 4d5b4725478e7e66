package io.signaldesk.core.edge;

import io.signaldesk.core.evaluation.Normal;

/**
 * How the edge gate judges a setup's track record.
 *
 * @param minSample     scored calls a setup needs before its record can prove an edge (fewer: it is still cold)
 * @param confidence    one-sided confidence of the lower bound of the expectancy (0.95: the mean is above it 95 % of the time)
 * @param priorStrength pseudo-calls of no move (gross 0 %) the record is shrunk toward: with n calls the expected move is
 *                      sum / (n + priorStrength), so a few lucky calls do not make an edge
 */
public record EdgeSettings(int minSample, double confidence, double priorStrength) {

    public static final String DEFAULT_MIN_SAMPLE = "30";
    public static final String DEFAULT_CONFIDENCE = "0.95";
    public static final String DEFAULT_PRIOR_STRENGTH = "20";

    public static final EdgeSettings DEFAULTS = new EdgeSettings(Integer.parseInt(DEFAULT_MIN_SAMPLE),
            Double.parseDouble(DEFAULT_CONFIDENCE), Double.parseDouble(DEFAULT_PRIOR_STRENGTH));

    public EdgeSettings {
        if (minSample < 2 || minSample > 100_000) {
            throw new IllegalArgumentException("minSample must be 2-100000: " + minSample);
        }
        if (!(confidence >= 0.5 && confidence <= 0.999)) {
            throw new IllegalArgumentException("confidence must be 0.5-0.999: " + confidence);
        }
        if (!(priorStrength >= 0 && priorStrength <= 10_000)) {
            throw new IllegalArgumentException("priorStrength must be 0-10000: " + priorStrength);
        }
    }

    /** The one-sided normal quantile of {@link #confidence} (0.95: 1.645). */
    public double z() {
        return Normal.quantile(confidence);
    }
}
