package io.signaldesk.feed.domain;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.market.CoinSnapshot;

/**
 * Every followed coin at {@code asOf}; {@code source} is the running source (simulator, binance, ...), {@code feed}
 * which market the prices are of (the same object every /ws/market snapshot frame carries).
 */
@RegisterForReflection
public record MarketSnapshot(String source, Instant asOf, List<CoinSnapshot> coins, FeedIdentity feed) {
}
