package io.signaldesk.analyzer.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.decision.FallbackReason;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;

/** The trading core's enums this service reads or writes with Jackson outside REST signatures (model answers, SSE and WebSocket frames). */
@RegisterForReflection(targets = { Direction.class, PositionSide.class, FallbackReason.class })
public final class TradingCoreReflection {

    private TradingCoreReflection() {
    }
}
