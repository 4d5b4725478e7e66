package io.signaldesk.market.binance;

import java.util.List;

import io.signaldesk.market.domain.PriceLevel;

/** {@code <symbol>@depth[@100ms]} diff: absolute sizes for update ids {@code firstUpdateId..finalUpdateId} (U..u). */
public record BinanceDepthUpdate(String symbol, long eventTime, long firstUpdateId, long finalUpdateId,
        List<PriceLevel> bids, List<PriceLevel> asks) implements BinanceMessage {

    public BinanceDepthUpdate {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    @Override
    public String type() {
        return "depthUpdate";
    }
}
