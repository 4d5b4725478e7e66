package io.signaldesk.decision.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/** An open paper position; one per coin. */
@RegisterForReflection
public record Position(String coin, Side side, BigDecimal qty, BigDecimal entryPrice, BigDecimal entryFee,
        BigDecimal stopLoss, BigDecimal takeProfit, Instant openedAt, String proposalId) {
}
