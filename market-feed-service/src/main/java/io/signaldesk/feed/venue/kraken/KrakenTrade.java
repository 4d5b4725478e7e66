package io.signaldesk.feed.venue.kraken;

import java.math.BigDecimal;
import java.time.Instant;

/** One trade of the v2 {@code trade} channel; {@code side} is the taker's side (buy or sell). */
public record KrakenTrade(String symbol, String side, BigDecimal price, BigDecimal qty, long tradeId,
        Instant timestamp) {
}
