package io.signaldesk.market.domain;

/** Where market data comes from. SIMULATOR is the built-in zero-setup feed. */
public enum Venue {
    SIMULATOR,
    BINANCE,
    COINBASE,
    KRAKEN
}
