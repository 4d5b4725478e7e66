package io.signaldesk.decision.engine.port;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Which market the feed's prices are of (market-feed-service's contract, our own copy): {@code market} is the
 * venue for a live venue, {@code simulator} for the simulator (both the same market across restarts), and
 * {@code replay#runId} for a replay, whose every run is a market of its own.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedIdentity(String source, String runId, String market) {

    /** A feed that does not say which market it is (an older feed): no position is tied to it. */
    public static final FeedIdentity UNKNOWN = new FeedIdentity("unknown", null, "unknown");

    /** What every replay run's market starts with ({@code replay#<run>}). */
    public static final String REPLAY_PREFIX = "replay#";

    /** Whether {@code market} is a replay run's (a market of its own per run). */
    public static boolean isReplay(String market) {
        return market != null && market.startsWith(REPLAY_PREFIX);
    }
}
