package io.signaldesk.analyzer.rest;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.domain.ModelRecord;
import io.signaldesk.analyzer.domain.Price;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.market.Coin;

/** A proposed trade. */
public record EntryRequest(
        @NotNull @Pattern(regexp = Coin.PATTERN, message = Coin.MESSAGE) String coin,
        @NotNull PositionSide side,
        @NotNull @Price BigDecimal price,
        @Valid MarketSnapshotDto market,
        @Valid ModelRecord record) {
}
