package io.signaldesk.analyzer.rest;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import io.signaldesk.analyzer.domain.MarketSnapshot;
import io.signaldesk.analyzer.domain.TradeSide;

/** An open position. */
public record ExitRequest(
        @NotNull @Pattern(regexp = Coins.PATTERN, message = Coins.MESSAGE) String coin,
        @NotNull TradeSide side,
        @NotNull @Positive BigDecimal entryPrice,
        @NotNull @Positive BigDecimal currentPrice,
        @Positive BigDecimal size,
        @PastOrPresent Instant openedAt,
        @Valid MarketSnapshot market) {
}
