package io.signaldesk.analyzer.domain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.NotBlank;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One coin of the feed's snapshot; a field is null while the feed does not know it yet. */
@RegisterForReflection
public record CoinSnapshot(
        @NotBlank String coin,
        String symbol,
        String venue,
        BigDecimal lastPrice,
        BigDecimal bestBid,
        BigDecimal bestAsk,
        BigDecimal midPrice,
        BigDecimal spread,
        BigDecimal momentum60sPct,
        BookImbalance bookImbalance,
        TradeFlow trades60s,
        BigDecimal vwap60s,
        BigDecimal volatility60sPct,
        Long lastEventAgeMs,
        Instant updatedAt) {

    /** Last price, else mid price: the price the prompt shows. */
    public BigDecimal price() {
        return lastPrice != null ? lastPrice : midPrice;
    }
}
