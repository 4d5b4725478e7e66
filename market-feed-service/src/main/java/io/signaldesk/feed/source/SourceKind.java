package io.signaldesk.feed.source;

/** Values of {@code feed.source}. */
public enum SourceKind {
    SIMULATOR,
    BINANCE,
    COINBASE,
    KRAKEN,
    REPLAY
}
