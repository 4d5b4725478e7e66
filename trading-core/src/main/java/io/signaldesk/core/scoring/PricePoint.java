package io.signaldesk.core.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A coin's mark price (mid, else last trade: {@code CoinSnapshot.markPrice()}) as seen at a market time: what a call is
 * scored against at its horizon ({@link SignalScorer#priceAtHorizon}).
 */
public record PricePoint(Instant at, BigDecimal price) {

    public PricePoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(price, "price");
    }
}
