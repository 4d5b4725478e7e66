package io.signaldesk.feed.venue.kraken;

/** Every Kraken spot v2 frame the adapter understands; anything else is a parse error. */
public sealed interface KrakenMessage permits KrakenTradeMessage, KrakenBookMessage, KrakenHeartbeat, KrakenStatus,
        KrakenMethodResponse {

    /** Type tag used in the {@code feed.messages} metric. */
    String type();
}
