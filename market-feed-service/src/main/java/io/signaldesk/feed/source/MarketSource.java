package io.signaldesk.feed.source;

import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.MarketEventSink;

/**
 * A producer of normalised market events: the simulator, a live venue connection or a replay.
 * Exactly one source runs, the one whose {@link #selectedBy(FeedConfig)} answers true.
 */
public interface MarketSource {

    SourceKind kind();

    /** True when this source is the one the configuration asks for. */
    default boolean selectedBy(FeedConfig config) {
        return config.source() == kind();
    }

    /** Starts delivering events to the sink; returns at once (work runs on the source's own threads). */
    void start(MarketEventSink sink);

    /** Stops delivering and releases connections and threads. Safe to call twice. */
    void stop();

    /**
     * True when the source counts its venue messages itself (feed.messages, feed.parse.errors, feed.reconnects
     * through a VenueTelemetry); for the others the source manager counts each event as a message.
     */
    default boolean countsMessages() {
        return false;
    }

    /** What the source is doing now, for /api/market/sources and readiness. */
    SourceStatus status();
}
