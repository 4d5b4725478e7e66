package io.signaldesk.decision.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.decision.FallbackReason;
import io.signaldesk.core.evaluation.Proportion;
import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;
import io.signaldesk.core.strategy.Tuning;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;

/**
 * The trading core's types this service reads or writes with Jackson outside REST signatures (feed frames, analyzer
 * answers, dashboard frames, files).
 */
@RegisterForReflection(targets = { CoinSnapshot.class, BookImbalance.class, TradeFlow.class, PositionSide.class,
        Direction.class, ProposalKind.class, DecisionOutcome.class, DecisionSource.class, FallbackReason.class,
        Proportion.class, Tuning.Sample.class, Tuning.Kind.class })
public final class TradingCoreReflection {

    private TradingCoreReflection() {
    }
}
