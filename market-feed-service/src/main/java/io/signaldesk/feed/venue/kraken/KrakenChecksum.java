package io.signaldesk.feed.venue.kraken;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import io.signaldesk.market.domain.PriceLevel;

/**
 * Kraken's v2 book checksum: for the top 10 asks (low to high) then the top 10 bids (high to low),
 * price and qty as received with '.' removed and leading zeros stripped, concatenated; CRC32 of that
 * string as an unsigned 32-bit value.
 */
public final class KrakenChecksum {

    public static final int LEVELS = 10;

    private KrakenChecksum() {
    }

    /** @param asks best (lowest) first; @param bids best (highest) first */
    public static long of(List<PriceLevel> asks, List<PriceLevel> bids) {
        CRC32 crc = new CRC32();
        crc.update(input(asks, bids).getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    /** The exact string that is hashed, for diagnostics and tests. */
    public static String input(List<PriceLevel> asks, List<PriceLevel> bids) {
        StringBuilder text = new StringBuilder(40 * LEVELS);
        append(text, asks);
        append(text, bids);
        return text.toString();
    }

    private static void append(StringBuilder text, List<PriceLevel> levels) {
        for (int i = 0; i < Math.min(LEVELS, levels.size()); i++) {
            text.append(digits(levels.get(i).price().toPlainString()));
            text.append(digits(levels.get(i).size().toPlainString()));
        }
    }

    private static String digits(String plain) {
        String noDot = plain.replace(".", "");
        int start = 0;
        while (start < noDot.length() && noDot.charAt(start) == '0') {
            start++;
        }
        return noDot.substring(start);
    }
}
