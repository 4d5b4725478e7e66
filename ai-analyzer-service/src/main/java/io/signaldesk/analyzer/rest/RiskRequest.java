package io.signaldesk.analyzer.rest;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.signaldesk.analyzer.domain.Equity;
import io.signaldesk.analyzer.domain.MarketSnapshot;
import io.signaldesk.analyzer.domain.Price;
import io.signaldesk.analyzer.domain.TradeSide;

/** A trade about to be placed, with the equity to size it against. */
public record RiskRequest(
        @NotNull @Pattern(regexp = Coins.PATTERN, message = Coins.MESSAGE) String coin,
        @NotNull TradeSide side,
        @NotNull @Price BigDecimal price,
        @NotNull @Equity BigDecimal equity,
        @Valid MarketSnapshot market) {
}
