package io.signaldesk.decision.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.trade.PositionSide;

/**
 * An open paper position; one per coin. {@code feedMarket} is the market it was opened on (only that market's prices
 * mark and stop it; null: opened before markets were recorded), {@code feedSource} and {@code venue} as the feed said.
 */
@RegisterForReflection
public record Position(String coin, PositionSide side, BigDecimal qty, BigDecimal entryPrice, BigDecimal entryFee,
        BigDecimal stopLoss, BigDecimal takeProfit, Instant openedAt, String proposalId, String feedMarket,
        String feedSource, String venue) {

    public Position(String coin, PositionSide side, BigDecimal qty, BigDecimal entryPrice, BigDecimal entryFee,
            BigDecimal stopLoss, BigDecimal takeProfit, Instant openedAt, String proposalId) {
        this(coin, side, qty, entryPrice, entryFee, stopLoss, takeProfit, openedAt, proposalId, null, null, null);
    }
}
