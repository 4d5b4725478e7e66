package io.signaldesk.market.binance;

import java.math.BigDecimal;

/** {@code <symbol>@trade}: one trade. {@code buyerIsMaker} is Binance's {@code m}: true means the taker sold. */
public record BinanceTrade(String symbol, long tradeId, BigDecimal price, BigDecimal quantity, long eventTime,
        long tradeTime, boolean buyerIsMaker) implements BinanceMessage {

    @Override
    public String type() {
        return "trade";
    }
}
