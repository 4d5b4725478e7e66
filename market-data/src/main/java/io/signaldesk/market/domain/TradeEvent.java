package io.signaldesk.market.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import io.signaldesk.core.market.Aggressor;

/** One executed trade. {@code aggressor} is the taker's side. */
public record TradeEvent(Instrument instrument, BigDecimal price, BigDecimal size, Aggressor aggressor,
        String tradeId, Instant venueTime, Instant receiveTime) implements MarketEvent {

    public TradeEvent {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(aggressor, "aggressor");
        Objects.requireNonNull(venueTime, "venueTime");
        Objects.requireNonNull(receiveTime, "receiveTime");
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("trade price must be positive: " + VenueDecimal.shortText(price));
        }
        if (size == null || size.signum() <= 0) {
            throw new IllegalArgumentException("trade size must be positive: " + VenueDecimal.shortText(size));
        }
        VenueDecimal.check("trade price", price);
        VenueDecimal.check("trade size", size);
    }
}
