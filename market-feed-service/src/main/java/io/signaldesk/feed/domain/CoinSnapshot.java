package io.signaldesk.feed.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Features of one coin at one moment; a field is null while not yet known. The window is
 * feed.window (60 s by default) and slides with venue time.
 *
 * @param lastEventAgeMs milliseconds since this service processed the coin's last event
 * @param updatedAt      venue time of the coin's last event
 */
@RegisterForReflection
public record CoinSnapshot(String coin, String symbol, Venue venue,
        BigDecimal lastPrice, BigDecimal bestBid, BigDecimal bestAsk, BigDecimal midPrice, BigDecimal spread,
        Double momentum60sPct, BookImbalance bookImbalance, TradeFlow trades60s,
        BigDecimal vwap60s, Double volatility60sPct, Long lastEventAgeMs, Instant updatedAt) {
}
