package io.signaldesk.analyzer.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.decision.FallbackReason;
import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;

/**
 * The trading core's types this service reads or writes with Jackson outside REST signatures (model answers, SSE and
 * WebSocket frames, the market of a Kafka request).
 */
@RegisterForReflection(targets = { Direction.class, PositionSide.class, FallbackReason.class, CoinSnapshot.class,
        BookImbalance.class, TradeFlow.class })
public final class TradingCoreReflection {

    private TradingCoreReflection() {
    }
}
