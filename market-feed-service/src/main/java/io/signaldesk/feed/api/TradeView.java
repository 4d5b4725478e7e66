package io.signaldesk.feed.api;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.market.Aggressor;
import io.signaldesk.market.domain.TradeEvent;

/** One trade of the tape; {@code side} is the aggressor (taker) side. */
@RegisterForReflection
public record TradeView(BigDecimal price, BigDecimal size, Aggressor side, String tradeId, Instant venueTime,
        Instant receiveTime) {

    public static TradeView of(TradeEvent trade) {
        return new TradeView(trade.price(), trade.size(), trade.aggressor(), trade.tradeId(), trade.venueTime(),
                trade.receiveTime());
    }
}
