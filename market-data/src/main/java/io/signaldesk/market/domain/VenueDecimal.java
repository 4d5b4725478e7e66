package io.signaldesk.market.domain;

import java.math.BigDecimal;

/**
 * The bounds every venue price and size must keep: at most {@value #MAX_INTEGER_DIGITS} digits before the point and
 * {@value #MAX_DECIMALS} after it. Any text BigDecimal parses ({@code 1e400}, {@code 1e999999999}) would otherwise
 * reach the windows, whose double math turns it into NaN for good.
 */
public final class VenueDecimal {

    /** Below 10^15: above any price or size a venue quotes for a followed coin. */
    public static final int MAX_INTEGER_DIGITS = 15;

    /** Venues quote at most 8-10 decimals; 18 is the finest step any asset has. */
    public static final int MAX_DECIMALS = 18;

    private VenueDecimal() {
    }

    public static boolean inBounds(BigDecimal value) {
        return value != null && value.scale() <= MAX_DECIMALS
                && (long) value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
    }

    /** The value, or an IllegalArgumentException naming {@code what}; the text is scientific, never expanded. */
    public static BigDecimal check(String what, BigDecimal value) {
        if (!inBounds(value)) {
            throw new IllegalArgumentException(what + " out of bounds (at most " + MAX_INTEGER_DIGITS
                    + " integer digits and " + MAX_DECIMALS + " decimals): " + shortText(value));
        }
        return value;
    }

    /** A bounded rendering for logs and errors: {@code 1E+999999999} stays 12 characters. */
    public static String shortText(BigDecimal value) {
        if (value == null) {
            return "null";
        }
        String text = inBounds(value) ? value.toPlainString() : value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
