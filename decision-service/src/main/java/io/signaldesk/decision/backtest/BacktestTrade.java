package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.domain.Side;

/** One closed paper round trip; {@code netPnl} is after both fees (slippage is in the fill prices). */
@RegisterForReflection
public record BacktestTrade(String coin, Side side, Instant openedAt, Instant closedAt, BigDecimal entryPrice,
        BigDecimal exitPrice, BigDecimal qty, BigDecimal fees, BigDecimal netPnl, String exitReason) {
}
