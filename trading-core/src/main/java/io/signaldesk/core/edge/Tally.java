package io.signaldesk.core.edge;

/**
 * The scored calls of one setup: how many, and the sum and sum of squares of their gross moves in the call's
 * direction, in percent (a LONG's move up, a SHORT's move down; before costs).
 */
public record Tally(long count, double sum, double sumSquares) {

    public static final Tally EMPTY = new Tally(0, 0, 0);

    /** This tally with one more call that moved {@code grossMovePct} its way. */
    public Tally plus(double grossMovePct) {
        return new Tally(count + 1, sum + grossMovePct, sumSquares + grossMovePct * grossMovePct);
    }

    public Tally plus(Tally other) {
        return new Tally(count + other.count, sum + other.sum, sumSquares + other.sumSquares);
    }

    /** Sample standard deviation of the moves (or of any tallied figures, e.g. the arena's net results); NaN below two. */
    public double stdev() {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum / count;
        return Math.sqrt(Math.max(0, (sumSquares - count * mean * mean) / (count - 1)));
    }
}
