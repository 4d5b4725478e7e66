package io.signaldesk.market.domain;

import java.util.Objects;

import io.signaldesk.core.market.Coin;

/**
 * A tradable pair on one venue. {@code symbol} is the venue's own spelling (BTCUSDT, BTC-USD, BTC/USD);
 * {@code coin} is the base asset all three services key on (BTC).
 */
public record Instrument(String symbol, Venue venue, String coin) {

    public Instrument {
        Objects.requireNonNull(venue, "venue");
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        coin = Coin.of(coin).symbol();
    }

    public static Instrument of(Venue venue, String symbol, String coin) {
        return new Instrument(symbol, venue, coin);
    }
}
