package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.domain.Decision;

/**
 * One decision of a backtest, as the live engine logged it: {@code marketAt} is the market time it was decided at,
 * {@code price} the coin's mark then; {@code proposalStatus} what became of its proposal (AUTO_EXECUTED, CONFIRMED,
 * SKIPPED, ...), null when it proposed nothing; {@code edgeVerdict} the edge gate's verdict on an entry that reached it.
 */
@RegisterForReflection
public record BacktestDecision(Instant marketAt, String coin, String kind, String outcome, String direction,
        String source, Integer confidence, BigDecimal price, String proposalStatus, String fallbackReason,
        String refusedBy, String resizedBy, String ruleReason, String aiReason, String edgeVerdict) {

    static BacktestDecision of(Decision d, BigDecimal price, String proposalStatus) {
        return new BacktestDecision(d.marketAt(), d.coin(), d.kind() == null ? null : d.kind().name(),
                d.outcome() == null ? null : d.outcome().name(), d.direction() == null ? null : d.direction().name(),
                d.source() == null ? null : d.source().label(), d.confidence(), price, proposalStatus,
                d.fallbackReason(), d.refusedBy(), d.resizedBy(), d.ruleReason(), d.aiReason(),
                d.edgeVerdict() == null ? null : d.edgeVerdict().name());
    }
}
