package io.signaldesk.core.evaluation;

/**
 * A share of a count, {@code count} of {@code total}, with its Wilson 95 % interval [{@code low}, {@code high}]: how
 * precisely the count pins the rate down. Deliberately without a p-value: a share (the model's of the analyzer's
 * answers, a hit rate where a WAIT counts) has no 50 % to be tested against; where a coin flip is the question, the
 * calls are a {@link DirectionAccuracy}. Rates 0-1; null figures when the total is 0.
 */
public record Proportion(int count, int total, Double rate, Double low, Double high) {

    public Proportion {
        if (total < 0 || count < 0 || count > total) {
            throw new IllegalArgumentException("need 0 <= count <= total, got " + count + " of " + total);
        }
    }

    public static Proportion of(int count, int total) {
        if (total == 0) {
            return new Proportion(0, 0, null, null, null);
        }
        double p = (double) count / total;
        double z = DirectionAccuracy.Z95;
        double z2 = z * z;
        double centre = (p + z2 / (2.0 * total)) / (1 + z2 / total);
        double half = z / (1 + z2 / total) * Math.sqrt(p * (1 - p) / total + z2 / (4.0 * total * total));
        return new Proportion(count, total, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
