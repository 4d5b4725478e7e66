package io.signaldesk.market.binance;

import io.signaldesk.market.domain.PriceLevel;

/** {@code <symbol>@bookTicker}: best bid and ask as of order-book update id {@code updateId}. */
public record BinanceBookTicker(String symbol, long updateId, PriceLevel bestBid, PriceLevel bestAsk)
        implements BinanceMessage {

    @Override
    public String type() {
        return "bookTicker";
    }
}
