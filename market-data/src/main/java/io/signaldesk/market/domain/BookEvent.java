package io.signaldesk.market.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;


/**
 * An L2 book change. A SNAPSHOT replaces the whole book (also used after a resync); an UPDATE sets
 * each listed level to its absolute size, size zero removing it.
 */
public record BookEvent(Instrument instrument, Kind kind, List<PriceLevel> bids, List<PriceLevel> asks,
        Instant venueTime, Instant receiveTime) implements MarketEvent {

    public enum Kind {
        SNAPSHOT,
        UPDATE
    }

    public BookEvent {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(venueTime, "venueTime");
        Objects.requireNonNull(receiveTime, "receiveTime");
        bids = bids == null ? List.of() : List.copyOf(bids);
        asks = asks == null ? List.of() : List.copyOf(asks);
    }
}
