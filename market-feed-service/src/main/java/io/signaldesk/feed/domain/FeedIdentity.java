package io.signaldesk.feed.domain;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Which market a price belongs to, sent with every snapshot so a client can tell feeds apart.
 *
 * @param source    the running source: simulator, binance, coinbase, kraken or replay
 * @param runId     changes at every start of this service
 * @param market    the market the prices are of: the venue's name for a live venue and {@code simulator} for the
 *                  simulator (the same market across restarts: a desk's positions stay marked and stopped by it),
 *                  {@code replay#runId} for a replay (each run replays old data: a market of its own)
 * @param startedAt when this run started
 */
@RegisterForReflection
public record FeedIdentity(String source, String runId, String market, Instant startedAt) {
}
