package io.signaldesk.decision.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A paper-trading execution of one proposal; {@code realizedPnl} is net of both fees on exits, zero on entries.
 * {@code feedMarket}, {@code feedSource} and {@code venue} say whose price it was filled at.
 */
@RegisterForReflection
public record Fill(long id, String proposalId, ProposalKind kind, String coin, Side side, BigDecimal qty,
        BigDecimal price, BigDecimal fee, BigDecimal realizedPnl, String reason, Instant at, String feedMarket,
        String feedSource, String venue) {

    /** A fill whose feed is not recorded. */
    public Fill(long id, String proposalId, ProposalKind kind, String coin, Side side, BigDecimal qty, BigDecimal price,
            BigDecimal fee, BigDecimal realizedPnl, String reason, Instant at) {
        this(id, proposalId, kind, coin, side, qty, price, fee, realizedPnl, reason, at, null, null, null);
    }
}
