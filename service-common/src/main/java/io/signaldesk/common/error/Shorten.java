package io.signaldesk.common.error;

import java.math.BigDecimal;

/** What an error message may echo of a caller's input: at most 40 characters, never a number written out in full. */
public final class Shorten {

    /** Longest echo of a caller's value in an error message. */
    public static final int MAX_ECHO = 40;

    private Shorten() {
    }

    public static String text(String value) {
        if (value == null) {
            return "null";
        }
        String printable = value.codePoints().limit(MAX_ECHO + 1L)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > MAX_ECHO ? printable.substring(0, MAX_ECHO) + "…" : printable;
    }

    /** Scientific notation (1E+999999999 stays 12 characters), cut to 40. */
    public static String number(BigDecimal value) {
        return value == null ? "null" : text(value.toString());
    }
}
