package io.signaldesk.feed.venue.coinbase;

/** Every Coinbase Advanced Trade frame the adapter understands; anything else is a parse error. */
public sealed interface CoinbaseMessage permits CoinbaseMarketTrades, CoinbaseLevel2, CoinbaseHeartbeat,
        CoinbaseSubscriptions, CoinbaseError {

    /** Type tag used in the {@code feed.messages} metric (the envelope's channel). */
    String type();

    /** The connection-wide message counter, or -1 when the frame carries none (errors). */
    long sequenceNum();
}
