package io.signaldesk.core.edge;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's track record: one {@link Tally} per setup of the calls scored so far (gross moves; the costs are
 * applied when it is read, so a changed fee setting re-prices the whole record). Not thread-safe: its owner locks.
 */
public final class TrackRecord {

    private final Map<SetupKey, Tally> tallies = new LinkedHashMap<>();

    /** One scored call of {@code setup}: its move in the call's direction, percent, before costs. */
    public void add(SetupKey setup, double grossMovePct) {
        tallies.merge(setup, Tally.EMPTY.plus(grossMovePct), Tally::plus);
    }

    /** A tally already summed (read back from the ledger). */
    public void add(SetupKey setup, Tally tally) {
        tallies.merge(setup, tally, Tally::plus);
    }

    public Tally tally(SetupKey setup) {
        return tallies.getOrDefault(setup, Tally.EMPTY);
    }

    public EdgeEstimate estimate(SetupKey setup, BigDecimal roundTripPct, EdgeSettings settings) {
        return EdgeEstimate.of(setup, tally(setup), roundTripPct, settings);
    }

    /** Every setup with a call, by its label. */
    public Map<String, EdgeEstimate> estimates(BigDecimal roundTripPct, EdgeSettings settings) {
        Map<String, EdgeEstimate> out = new TreeMap<>();
        tallies.forEach((setup, tally) -> out.put(setup.label(), EdgeEstimate.of(setup, tally, roundTripPct, settings)));
        return out;
    }

    public long calls() {
        return tallies.values().stream().mapToLong(Tally::count).sum();
    }

    public void clear() {
        tallies.clear();
    }
}
