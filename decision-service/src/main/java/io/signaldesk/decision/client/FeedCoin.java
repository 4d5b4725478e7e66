package io.signaldesk.decision.client;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One coin in market-feed-service's snapshot (its contract, our own copy); null fields are not yet known. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedCoin(String coin, String symbol, String venue, BigDecimal lastPrice, BigDecimal bestBid,
        BigDecimal bestAsk, BigDecimal midPrice, BigDecimal spread, BigDecimal momentum60sPct,
        BookImbalance bookImbalance, Trades60s trades60s, BigDecimal vwap60s, BigDecimal volatility60sPct,
        Long lastEventAgeMs, Instant updatedAt) {

    /** Share of bid volume among the top levels of the book. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BookImbalance(BigDecimal bidShare, BigDecimal bidAskRatio, Integer levels) {
    }

    /** Trade flow over the last 60 seconds. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trades60s(Integer buyCount, Integer sellCount, BigDecimal buyVolume, BigDecimal sellVolume) {
    }

    /** The price we trade and mark at: mid when known, else last trade. */
    public BigDecimal markPrice() {
        return midPrice != null ? midPrice : lastPrice;
    }
}
