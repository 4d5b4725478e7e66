package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.edge.EdgeEstimate;
import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/** A decision {@link DecisionEngine} is assembling: immutable, each step returns a copy; logged or proposed at the end. */
record DecisionDraft(ProposalKind kind, String coin, PositionSide side, ModeSetting setting, String ruleReason,
        int confidence, DecisionSource source, String aiReason, String fallbackReason, DecisionOutcome outcome,
        String refusedBy, String resizedBy, EdgeVerdict edge) {

    DecisionDraft(ProposalKind kind, String coin, PositionSide side, ModeSetting setting, String ruleReason, int confidence) {
        this(kind, coin, side, setting, ruleReason, confidence, null, null, null, null, null, null, null);
    }

    /** The edge gate's verdict on this entry. */
    DecisionDraft edge(EdgeVerdict value) {
        return new DecisionDraft(kind, coin, side, setting, ruleReason, confidence, source, aiReason, fallbackReason, outcome,
                refusedBy, resizedBy, value);
    }

    DecisionDraft source(DecisionSource value) {
        return new DecisionDraft(kind, coin, side, setting, ruleReason, confidence, value, aiReason, fallbackReason, outcome,
                refusedBy, resizedBy, edge);
    }

    DecisionDraft confidence(int value) {
        return new DecisionDraft(kind, coin, side, setting, ruleReason, value, source, aiReason, fallbackReason, outcome,
                refusedBy, resizedBy, edge);
    }

    DecisionDraft fallback(String value) {
        return new DecisionDraft(kind, coin, side, setting, ruleReason, confidence, source, aiReason, value, outcome,
                refusedBy, resizedBy, edge);
    }

    DecisionDraft outcome(DecisionOutcome value) {
        return new DecisionDraft(kind, coin, side, setting, ruleReason, confidence, source, aiReason, fallbackReason, value,
                refusedBy, resizedBy, edge);
    }

    /** The model's reason, labelled with where it came from (AI or its CACHE); the confidence is the proposal's own. */
    DecisionDraft ai(String reason, String aiSource) {
        String text = "[" + aiSource + "] " + reason;
        return new DecisionDraft(kind, coin, side, setting, ruleReason, confidence, source, text, fallbackReason, outcome,
                refusedBy, resizedBy, edge);
    }

    /** Refused by a risk limit; the reason joins the rules' reason so the audit trail says why. */
    DecisionDraft refused(String limit, String reason) {
        String why = ruleReason == null ? "risk: " + reason : ruleReason + " | risk: " + reason;
        return new DecisionDraft(kind, coin, side, setting, why, confidence, source, aiReason, fallbackReason, outcome,
                limit, resizedBy, edge);
    }

    /** Stopped by the edge gate: a WAIT whose reason keeps the analysis and gives the figures. */
    DecisionDraft noEdge(EdgeEstimate measured) {
        String why = EdgeGate.NO_EDGE + ": " + measured.summary();
        return new DecisionDraft(kind, coin, side, setting, ruleReason == null ? why : ruleReason + " | " + why, confidence,
                source, aiReason, fallbackReason, outcome, refusedBy, resizedBy, edge);
    }

    /** Stopped by the edge gate before the model was asked: no setup its answer could land on has an edge. */
    DecisionDraft unasked(String measured) {
        String why = EdgeGate.NO_EDGE + ": " + measured;
        return new DecisionDraft(kind, coin, side, setting, ruleReason == null ? why : ruleReason + " | " + why, confidence,
                source, aiReason, fallbackReason, outcome, refusedBy, resizedBy, edge);
    }

    /** Proposed without a proven edge (strategy.edge.mode=advise): marked so, with the figures. */
    DecisionDraft unproven(EdgeEstimate measured) {
        String why = EdgeGate.UNPROVEN + " (" + EdgeGate.NO_EDGE + "): " + measured.summary();
        return new DecisionDraft(kind, coin, side, setting, ruleReason == null ? why : ruleReason + " | " + why, confidence,
                source, aiReason, fallbackReason, outcome, refusedBy, resizedBy, edge);
    }

    DecisionDraft resized(String limit) {
        return new DecisionDraft(kind, coin, side, setting, ruleReason, confidence, source, aiReason, fallbackReason, outcome,
                refusedBy, limit, edge);
    }

    Proposal toProposal(BigDecimal size, BigDecimal price, BigDecimal stopLossPct, Instant now, DecisionConfig config) {
        return new Proposal(UUID.randomUUID().toString(), kind, coin, side, size, price, confidence, stopLossPct,
                source.label(), setting.mode(), setting.mode() == Mode.HYBRID ? setting.policy() : null, ruleReason,
                aiReason, fallbackReason, ProposalStatus.PENDING, now, now.plus(config.proposalTtl()), null,
                refusedBy, resizedBy, edge);
    }
}
