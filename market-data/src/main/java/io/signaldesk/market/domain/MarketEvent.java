package io.signaldesk.market.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A normalised market event, whatever the venue. Two clocks on every event: when the venue says it
 * happened and when we received it. This is also the JSON Lines record format of recordings.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TradeEvent.class, name = "trade"),
        @JsonSubTypes.Type(value = BookEvent.class, name = "book")
})
public sealed interface MarketEvent permits TradeEvent, BookEvent {

    Instrument instrument();

    Instant venueTime();

    Instant receiveTime();
}
