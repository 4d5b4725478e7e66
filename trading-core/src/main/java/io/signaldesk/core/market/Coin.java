package io.signaldesk.core.market;

import java.util.Locale;
import java.util.Objects;

/**
 * A coin: the base asset every service keys on (BTC, ETH), whatever venue it trades on. Upper case, 1-10 letters
 * or digits.
 */
public record Coin(String symbol) {

    public Coin {
        Objects.requireNonNull(symbol, "coin");
        if (!symbol.matches("[A-Za-z0-9]{1,10}")) {
            throw new IllegalArgumentException("coin must be 1-10 letters or digits: " + shorten(symbol));
        }
        symbol = symbol.toUpperCase(Locale.ROOT);
    }

    public static Coin of(String symbol) {
        return new Coin(symbol);
    }

    /** True when {@code symbol} would make a valid coin. */
    public static boolean valid(String symbol) {
        return symbol != null && symbol.matches("[A-Za-z0-9]{1,10}");
    }

    @Override
    public String toString() {
        return symbol;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
