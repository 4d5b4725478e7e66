package io.signaldesk.decision.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * One thing the engine decided, kept for the audit trail: outcome PROPOSED, VETOED, NO_AGREEMENT,
 * AI_DECLINED, STOP_LOSS, TAKE_PROFIT, HOLD or REFUSED (by the risk limit {@code refusedBy}); {@code resizedBy} names
 * the limit that cut a proposed size. {@code at} is when it was decided, {@code marketAt} the venue time of the market
 * data it was decided on (the coin's last event as the feed reported it; in a replay, the replay's time).
 */
@RegisterForReflection
public record Decision(long id, Instant at, Instant marketAt, String coin, ProposalKind kind, String outcome, Mode mode, Policy policy,
        String source, Direction direction, Integer confidence, String ruleReason, String aiReason,
        String fallbackReason, String proposalId, String refusedBy, String resizedBy) {
}
