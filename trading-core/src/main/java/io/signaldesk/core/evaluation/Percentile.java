package io.signaldesk.core.evaluation;

/** The q-quantile of sorted values, linear between neighbours (type 7, as numpy and R default). */
final class Percentile {

    private Percentile() {
    }

    static double of(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Share of {@code sorted} at or below {@code value}, 0-1 (where a strategy falls among baseline draws). */
    static double rank(double[] sorted, double value) {
        int count = 0;
        for (double v : sorted) {
            if (v <= value) {
                count++;
            }
        }
        return (double) count / sorted.length;
    }
}
