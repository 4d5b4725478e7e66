package io.signaldesk.market.binance;

import java.util.List;

import io.signaldesk.market.domain.PriceLevel;

/**
 * A full book as of {@code lastUpdateId}: the REST {@code /api/v3/depth} answer (no symbol in it, so
 * {@code symbol} may be null) or a partial-depth stream frame (symbol taken from the stream name).
 */
public record BinanceDepthSnapshot(String symbol, long lastUpdateId, List<PriceLevel> bids, List<PriceLevel> asks)
        implements BinanceMessage {

    public BinanceDepthSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    @Override
    public String type() {
        return "depthSnapshot";
    }
}
