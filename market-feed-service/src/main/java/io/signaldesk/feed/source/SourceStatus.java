package io.signaldesk.feed.source;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Health and counters of one source as shown by {@code GET /api/market/sources}.
 *
 * @param name        simulator, binance, coinbase, kraken or replay
 * @param state       what it is doing now
 * @param url         where it connects or what it reads (null for the simulator)
 * @param since       when it entered this state
 * @param lastMessage when the last message arrived (null before the first)
 * @param messages    venue messages received since start
 * @param parseErrors malformed or unexpected messages skipped
 * @param reconnects  connections re-opened after a drop, a stale stream or a server notice
 * @param resyncs     books rebuilt after a sequence gap or checksum mismatch
 * @param lastError   the most recent error, or null
 */
@RegisterForReflection
public record SourceStatus(String name, State state, String url, Instant since, Instant lastMessage,
        long messages, long parseErrors, long reconnects, long resyncs, String lastError) {

    public enum State {
        STARTING,
        CONNECTING,
        /** Receiving messages. */
        LIVE,
        /** Connected but silent for longer than feed.stale-after. */
        STALE,
        /** Waiting for the next reconnect attempt. */
        BACKOFF,
        /** A replay reached the end of its file. */
        FINISHED,
        STOPPED
    }

    /** True when the source is delivering data (readiness). */
    public boolean delivering() {
        return state == State.LIVE || state == State.FINISHED;
    }
}
