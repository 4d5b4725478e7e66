package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's decisions go as the engine makes them: each one written to the decisions CSV (when the run writes
 * one) and counted, only those of the requested page ({@code offset}, at most {@code limit}) kept in memory. A run's
 * memory so does not grow with its decisions (a year of ten coins makes about a hundred thousand).
 */
final class DecisionPage {

    private final int offset;
    private final int limit;
    private final Writer csv;
    private final List<BacktestDecision> kept = new ArrayList<>();
    private int total;

    private DecisionPage(int offset, int limit, Writer csv) {
        this.offset = offset;
        this.limit = limit;
        this.csv = csv;
    }

    /** Every decision kept, none written: a replay compared decision by decision, a walk-forward window. */
    static DecisionPage all() {
        return new DecisionPage(0, Integer.MAX_VALUE, null);
    }

    /** Decisions {@code offset} to {@code offset + limit} kept, every one written to {@code csv} (after its header). */
    static DecisionPage of(int offset, int limit, Writer csv) {
        return new DecisionPage(offset, limit, csv);
    }

    void add(BacktestDecision decision) {
        if (csv != null) {
            try {
                csv.write(BacktestMarkdown.csvRow(decision));
            } catch (IOException e) {
                throw new WriteFailed(e);
            }
        }
        if (total >= offset && total - offset < limit) {
            kept.add(decision);
        }
        total++;
    }

    /** The decisions CSV could not be written (its folder's disk full, the file gone); the run stops. */
    static final class WriteFailed extends RuntimeException {
        WriteFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** The decisions kept, in order. */
    List<BacktestDecision> kept() {
        return List.copyOf(kept);
    }

    /** Every decision of the run, kept or not. */
    int total() {
        return total;
    }
}
