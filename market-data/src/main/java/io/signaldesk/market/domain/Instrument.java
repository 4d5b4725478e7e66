package io.signaldesk.market.domain;

import java.util.Locale;
import java.util.Objects;


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
        if (coin == null || !coin.matches("[A-Za-z0-9]{1,10}")) {
            throw new IllegalArgumentException("coin must be 1-10 letters or digits: " + coin);
        }
        coin = coin.toUpperCase(Locale.ROOT);
    }

    public static Instrument of(Venue venue, String symbol, String coin) {
        return new Instrument(symbol, venue, coin);
    }
}
