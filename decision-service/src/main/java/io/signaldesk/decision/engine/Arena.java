package io.signaldesk.decision.engine;

import java.util.List;

import io.signaldesk.core.edge.Tally;
import io.signaldesk.core.evaluation.DirectionAccuracy;
import io.signaldesk.core.evaluation.Verdict;
import io.signaldesk.decision.engine.port.EdgeStore.ArenaRow;

/**
 * The model in use and the shadow model scored side by side on the ledger's answers (issue 20): per model, how many
 * answers were scored at {@code horizon}, how many were right (entered and paid after the {@code roundTripPct} round
 * trip, or skipped where entering would not have; held and the move went its way, or closed where it did not) with a
 * Wilson 95 % interval, and the mean net result after costs of the answers that acted, with a normal 95 % interval.
 * An edge is measured only when that interval is above zero on at least {@link Verdict#MIN_TRADES} acted answers.
 * The answers of one {@code market} only ({@code markets}: how many of the model in use each market has).
 */
public record Arena(List<ArenaRow> rows, String horizon, double roundTripPct, String market,
        java.util.Map<String, Long> markets) {

    /** z of a two-sided 95 % interval. */
    private static final double Z95 = 1.959963984540054;

    /** One model's scored answers; {@code pairedWith} names the shadow when these are the primary's on the shared questions. */
    public record Scored(String role, String model, String pairedWith, DirectionAccuracy right, long acted,
            Double netMeanPct, Double netLowPct, Double netHighPct, String verdict) {
    }

    public List<Scored> scored() {
        return rows.stream().map(Arena::scored).toList();
    }

    static Scored scored(ArenaRow row) {
        DirectionAccuracy right = DirectionAccuracy.of((int) row.right(), (int) row.calls());
        Tally net = new Tally(row.acted(), row.netSum(), row.netSquares());
        Double mean = row.acted() == 0 ? null : row.netSum() / row.acted();
        double sd = net.stdev();
        Double half = Double.isNaN(sd) ? null : Z95 * sd / Math.sqrt(row.acted());
        Double low = half == null ? null : mean - half;
        Double high = half == null ? null : mean + half;
        String verdict;
        if (row.acted() < Verdict.MIN_TRADES) {
            verdict = "no measured edge (" + row.acted() + " of " + Verdict.MIN_TRADES + " acted answers)";
        } else if (low != null && low > 0) {
            verdict = "measured edge (net above zero at 95 %)";
        } else {
            verdict = "no measured edge";
        }
        return new Scored(row.role(), row.model(), row.pairedWith(), right, row.acted(), mean, low, high, verdict);
    }
}
