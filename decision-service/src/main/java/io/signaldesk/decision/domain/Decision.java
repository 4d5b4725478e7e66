package io.signaldesk.decision.domain;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.ProposalKind;

/**
 * One thing the engine decided, kept for the audit trail: its {@link DecisionOutcome} (PROPOSED, VETOED, NO_AGREEMENT,
 * AI_DECLINED, STOP_LOSS, TAKE_PROFIT, REFUSED by the risk limit {@code refusedBy}, ...) and {@link DecisionSource}
 * (who decided; written as RULES, AI, RULES+AI or RULES_FALLBACK); {@code resizedBy} names
 * the limit that cut a proposed size. {@code at} is when it was decided, {@code marketAt} the venue time of the market
 * data it was decided on (the coin's last event as the feed reported it; in a replay, the replay's time).
 * {@code edgeVerdict} is the edge gate's verdict on an entry that reached it (PROVEN, UNPROVEN, NO_EDGE, UNGATED), null
 * for an exit or an entry decided before the gate was asked (vetoed, declined). {@code wanted} is the side an entry
 * called for (the rules' result, or in AI mode the sentiment's), whatever came of it: a WAIT of the gate still says
 * which trade it stopped; null for an exit.
 */
@RegisterForReflection
public record Decision(long id, Instant at, Instant marketAt, String coin, ProposalKind kind, DecisionOutcome outcome,
        Mode mode, Policy policy, DecisionSource source, Direction direction, Integer confidence, String ruleReason, String aiReason,
        String fallbackReason, String proposalId, String refusedBy, String resizedBy, EdgeVerdict edgeVerdict,
        Direction wanted) {

    /** A decision without the side it wanted (an exit). */
    public Decision(long id, Instant at, Instant marketAt, String coin, ProposalKind kind, DecisionOutcome outcome,
            Mode mode, Policy policy, DecisionSource source, Direction direction, Integer confidence, String ruleReason,
            String aiReason, String fallbackReason, String proposalId, String refusedBy, String resizedBy,
            EdgeVerdict edgeVerdict) {
        this(id, at, marketAt, coin, kind, outcome, mode, policy, source, direction, confidence, ruleReason, aiReason,
                fallbackReason, proposalId, refusedBy, resizedBy, edgeVerdict, null);
    }

    /** A decision the edge gate was not asked about. */
    public Decision(long id, Instant at, Instant marketAt, String coin, ProposalKind kind, DecisionOutcome outcome,
            Mode mode, Policy policy, DecisionSource source, Direction direction, Integer confidence, String ruleReason,
            String aiReason, String fallbackReason, String proposalId, String refusedBy, String resizedBy) {
        this(id, at, marketAt, coin, kind, outcome, mode, policy, source, direction, confidence, ruleReason, aiReason,
                fallbackReason, proposalId, refusedBy, resizedBy, null);
    }
}
