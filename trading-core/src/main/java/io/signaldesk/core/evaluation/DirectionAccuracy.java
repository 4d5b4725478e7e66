package io.signaldesk.core.evaluation;

/**
 * How often directional calls (LONG/SHORT whose move passed the flat band) went the called way: {@code rate} with a
 * Wilson 95 % interval [{@code low}, {@code high}] and the exact two-sided binomial p-value against a coin flip (50 %).
 * Rates 0-1; null figures when there were no calls.
 */
public record DirectionAccuracy(int calls, int hits, Double rate, Double low, Double high, Double pValue) {

    /** z of a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;

    public DirectionAccuracy {
        if (calls < 0 || hits < 0 || hits > calls) {
            throw new IllegalArgumentException("need 0 <= hits <= calls, got " + hits + " of " + calls);
        }
    }

    public static DirectionAccuracy of(int hits, int calls) {
        if (calls == 0) {
            return new DirectionAccuracy(0, 0, null, null, null, null);
        }
        Proportion share = Proportion.of(hits, calls);
        return new DirectionAccuracy(calls, hits, share.rate(), share.low(), share.high(), binomialTwoSided(hits, calls));
    }

    /**
     * Exact two-sided p-value of {@code hits} in {@code n} fair coin flips: twice the smaller tail, at most 1. The tail
     * is summed in log space from the far end, so it holds for n in the millions.
     */
    static double binomialTwoSided(int hits, int n) {
        int m = Math.min(hits, n - hits);
        double logHalfN = n * Math.log(0.5);
        double logC = 0;
        double logTail = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= m; i++) {
            if (i > 0) {
                logC += Math.log(n - i + 1) - Math.log(i);
            }
            double term = logC + logHalfN;
            logTail = logTail == Double.NEGATIVE_INFINITY ? term
                    : Math.max(logTail, term) + Math.log1p(Math.exp(-Math.abs(logTail - term)));
        }
        return Math.min(1, 2 * Math.exp(logTail));
    }
}
