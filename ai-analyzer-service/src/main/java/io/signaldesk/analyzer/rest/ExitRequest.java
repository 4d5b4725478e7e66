package io.signaldesk.analyzer.rest;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;

import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.domain.ModelRecord;
import io.signaldesk.analyzer.domain.Price;
import io.signaldesk.analyzer.domain.Since2009;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.market.Coin;

/** An open position. */
public record ExitRequest(
        @NotNull @Pattern(regexp = Coin.PATTERN, message = Coin.MESSAGE) String coin,
        @NotNull PositionSide side,
        @NotNull @Price BigDecimal entryPrice,
        @NotNull @Price BigDecimal currentPrice,
        @Price BigDecimal size,
        @PastOrPresent @Since2009 Instant openedAt,
        @Valid MarketSnapshotDto market,
        @Valid ModelRecord record) {
}
