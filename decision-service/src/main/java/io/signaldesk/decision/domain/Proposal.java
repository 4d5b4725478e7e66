package io.signaldesk.decision.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;

/**
 * An entry or exit the engine suggests, with why and how sure it is (one confidence: the one that decided).
 * {@code source} says who decided: RULES, AI (the model), RULES+AI (both had to agree) or RULES_FALLBACK (the rules
 * because no model answer arrived; {@code fallbackReason} says why, e.g. TIMEOUT, ANALYZER_DOWN, MODEL_DOWN).
 * {@code refusedBy} / {@code resizedBy} name the risk limit that refused it or cut its size (null when none did).
 * {@code edgeVerdict} is the edge gate's verdict on an entry (PROVEN, UNPROVEN, UNGATED; null for an exit, or an entry
 * made before the verdict was recorded).
 */
@RegisterForReflection
public record Proposal(String id, ProposalKind kind, String coin, PositionSide side, BigDecimal size, BigDecimal price,
        int confidence, BigDecimal stopLossPct, String source, Mode mode, Policy policy, String ruleReason,
        String aiReason, String fallbackReason, ProposalStatus status, Instant createdAt, Instant expiresAt,
        Instant decidedAt, String refusedBy, String resizedBy, EdgeVerdict edgeVerdict) {

    /** A proposal without an edge verdict (an exit, a stop, a write-off). */
    public Proposal(String id, ProposalKind kind, String coin, PositionSide side, BigDecimal size, BigDecimal price,
            int confidence, BigDecimal stopLossPct, String source, Mode mode, Policy policy, String ruleReason,
            String aiReason, String fallbackReason, ProposalStatus status, Instant createdAt, Instant expiresAt,
            Instant decidedAt, String refusedBy, String resizedBy) {
        this(id, kind, coin, side, size, price, confidence, stopLossPct, source, mode, policy, ruleReason, aiReason,
                fallbackReason, status, createdAt, expiresAt, decidedAt, refusedBy, resizedBy, null);
    }

    /** A proposal no risk limit has touched yet. */
    public Proposal(String id, ProposalKind kind, String coin, PositionSide side, BigDecimal size, BigDecimal price,
            int confidence, BigDecimal stopLossPct, String source, Mode mode, Policy policy, String ruleReason,
            String aiReason, String fallbackReason, ProposalStatus status, Instant createdAt, Instant expiresAt,
            Instant decidedAt) {
        this(id, kind, coin, side, size, price, confidence, stopLossPct, source, mode, policy, ruleReason, aiReason,
                fallbackReason, status, createdAt, expiresAt, decidedAt, null, null, null);
    }

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(status, "status");
        if (size == null || size.signum() <= 0) {
            throw new IllegalArgumentException("size must be positive");
        }
        if (confidence < 1 || confidence > 10) {
            throw new IllegalArgumentException("confidence must be 1-10");
        }
    }

    public Proposal withStatus(ProposalStatus newStatus, Instant at) {
        return new Proposal(id, kind, coin, side, size, price, confidence, stopLossPct, source, mode, policy,
                ruleReason, aiReason, fallbackReason, newStatus, createdAt, expiresAt, at, refusedBy, resizedBy, edgeVerdict);
    }

    public Proposal withSize(BigDecimal newSize) {
        return new Proposal(id, kind, coin, side, newSize, price, confidence, stopLossPct, source, mode, policy,
                ruleReason, aiReason, fallbackReason, status, createdAt, expiresAt, decidedAt, refusedBy, resizedBy, edgeVerdict);
    }

    /** The same proposal with the limits that refused it or cut its size. */
    public Proposal withRisk(String refused, String resized) {
        return new Proposal(id, kind, coin, side, size, price, confidence, stopLossPct, source, mode, policy,
                ruleReason, aiReason, fallbackReason, status, createdAt, expiresAt, decidedAt, refused, resized, edgeVerdict);
    }
}
