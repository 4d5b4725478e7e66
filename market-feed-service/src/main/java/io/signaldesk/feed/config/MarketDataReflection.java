package io.signaldesk.feed.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;

/** market-data's event records this service writes and reads with Jackson (recordings, book and trade views). */
@RegisterForReflection(targets = { BookEvent.class, TradeEvent.class, Instrument.class, PriceLevel.class })
public final class MarketDataReflection {

    private MarketDataReflection() {
    }
}
