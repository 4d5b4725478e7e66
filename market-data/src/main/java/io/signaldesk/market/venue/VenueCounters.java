package io.signaldesk.market.venue;

/**
 * What a venue's frame handling reports while it reads: the feed counts it in Micrometer and its source status, a
 * backtest in plain counters. Called from the reading thread.
 */
public interface VenueCounters {

    /** A venue message of the given type arrived (trade, depthUpdate, l2_data, heartbeats, ...). */
    void message(String type);

    /** A frame was skipped as malformed; {@code kind} is a low-cardinality tag (bad_json, unknown_symbol, ...). */
    void parseError(String kind, String detail);

    /** A book was dropped and is rebuilt from a new snapshot ({@code reason}: sequence_gap, crossed_book). */
    void resynced(String reason);

    /** Something the venue or the reading said went wrong, kept as the last error. */
    void error(String message);
}
