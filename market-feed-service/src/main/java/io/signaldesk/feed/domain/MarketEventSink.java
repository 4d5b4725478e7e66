package io.signaldesk.feed.domain;

/** Where every source delivers its normalised events, in venue order per instrument. */
@FunctionalInterface
public interface MarketEventSink {

    void accept(MarketEvent event);
}
