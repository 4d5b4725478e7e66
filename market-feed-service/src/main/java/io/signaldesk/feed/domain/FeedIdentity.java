package io.signaldesk.feed.domain;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Which market a price belongs to, sent with every snapshot so a client can tell feeds apart.
 *
 * @param source    the running source: simulator, binance, coinbase, kraken or replay
 * @param runId     changes at every start of this service
 * @param market    the market the prices are of: the venue's name for a live venue (the same real market across
 *                  restarts), {@code source#runId} for the simulator and a replay (each run is a market of its own:
 *                  a fresh simulator restarts from its initial prices, whatever the seed)
 * @param startedAt when this run started
 */
@RegisterForReflection
public record FeedIdentity(String source, String runId, String market, Instant startedAt) {
}
