package io.signaldesk.market.binance;

import java.math.BigDecimal;

/** {@code <symbol>@aggTrade}: trades of one taker order at one price; {@code m=true} means the taker sold. */
public record BinanceAggTrade(String symbol, long aggTradeId, BigDecimal price, BigDecimal quantity, long eventTime,
        long tradeTime, boolean buyerIsMaker) implements BinanceMessage {

    @Override
    public String type() {
        return "aggTrade";
    }
}
