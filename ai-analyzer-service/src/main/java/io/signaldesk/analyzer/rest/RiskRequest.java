package io.signaldesk.analyzer.rest;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.signaldesk.analyzer.domain.Equity;
import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.domain.Price;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.market.Coin;

/** A trade about to be placed, with the equity to size it against. */
public record RiskRequest(
        @NotNull @Pattern(regexp = Coin.PATTERN, message = Coin.MESSAGE) String coin,
        @NotNull PositionSide side,
        @NotNull @Price BigDecimal price,
        @NotNull @Equity BigDecimal equity,
        @Valid MarketSnapshotDto market) {
}
