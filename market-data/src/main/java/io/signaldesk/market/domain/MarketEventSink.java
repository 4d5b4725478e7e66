package io.signaldesk.market.domain;

/** Where every source delivers its normalised events, in venue order per instrument. */
@FunctionalInterface
public interface MarketEventSink {

    void accept(MarketEvent event);

    /** The source has no more events (the end of a replay): what waits for more can be released. */
    default void finished() {
    }
}
