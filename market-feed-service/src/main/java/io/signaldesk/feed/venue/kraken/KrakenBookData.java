package io.signaldesk.feed.venue.kraken;

import java.time.Instant;
import java.util.List;

import io.signaldesk.market.domain.PriceLevel;

/**
 * One symbol's part of a v2 {@code book} message. Prices and quantities keep the scale they had on
 * the wire (0.10000000 stays 8 decimals) because the CRC32 checksum is computed from those digits.
 * {@code timestamp} is absent from snapshots and then null.
 */
public record KrakenBookData(String symbol, List<PriceLevel> bids, List<PriceLevel> asks, long checksum,
        Instant timestamp) {

    public KrakenBookData {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
