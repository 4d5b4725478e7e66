package io.signaldesk.feed.venue.coinbase;

import java.math.BigDecimal;
import java.time.Instant;

/** One trade of {@code market_trades}; {@code side} (BUY or SELL) is read as the taker's side. */
public record CoinbaseTrade(String tradeId, String productId, BigDecimal price, BigDecimal size, String side,
        Instant time) {
}
