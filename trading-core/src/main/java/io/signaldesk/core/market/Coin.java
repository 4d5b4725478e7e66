package io.signaldesk.core.market;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A coin: the base asset every service keys on (BTC, ETH), whatever venue it trades on; upper case. Every edge that
 * takes a coin (a REST path or body, a feed frame, a file name, a setting) checks it against {@link #PATTERN} and says
 * {@link #MESSAGE} when it does not match: 1 to 20 letters or digits, either case. One letter because venues list
 * one-letter bases (Binance's W and T); 20 because the longest bases listed today have 10-11 characters
 * (1000CHEEMS, 1MBABYDOGE, BROCCOLI714) and a kilobyte or a path still never passes.
 */
public record Coin(String symbol) {

    /** What a coin may be, as bean validation's {@code @Pattern} and an OpenAPI schema take it. */
    public static final String PATTERN = "[A-Za-z0-9]{1,20}";

    /** What a 400 says of a coin that does not match {@link #PATTERN}, after the field's name. */
    public static final String MESSAGE = "must be a coin of 1-20 letters or digits, e.g. BTC";

    private static final Pattern MATCHER = Pattern.compile(PATTERN);

    public Coin {
        if (!valid(symbol)) {
            throw new IllegalArgumentException("coin " + MESSAGE + ", got '" + shorten(symbol) + "'");
        }
        symbol = symbol.toUpperCase(Locale.ROOT);
    }

    public static Coin of(String symbol) {
        return new Coin(symbol);
    }

    /** True when {@code symbol} would make a valid coin. */
    public static boolean valid(String symbol) {
        return symbol != null && MATCHER.matcher(symbol).matches();
    }

    @Override
    public String toString() {
        return symbol;
    }

    private static String shorten(String text) {
        return text == null ? "null" : text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
