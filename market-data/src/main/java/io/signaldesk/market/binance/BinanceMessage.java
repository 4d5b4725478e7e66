package io.signaldesk.market.binance;

/** Every Binance spot frame the adapter understands; anything else is a parse error. */
public sealed interface BinanceMessage permits BinanceTrade, BinanceAggTrade, BinanceDepthUpdate, BinanceBookTicker,
        BinanceDepthSnapshot, BinanceServerShutdown, BinanceResponse, BinanceError {

    /** Type tag used in the {@code feed.messages} metric. */
    String type();
}
