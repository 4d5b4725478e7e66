package io.signaldesk.decision.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;

/**
 * A paper-trading execution of one proposal; {@code realizedPnl} is net of both fees on exits, zero on entries.
 * {@code feedMarket}, {@code feedSource} and {@code venue} say whose price it was filled at.
 */
@RegisterForReflection
public record Fill(long id, String proposalId, ProposalKind kind, String coin, PositionSide side, BigDecimal qty,
        BigDecimal price, BigDecimal fee, BigDecimal realizedPnl, String reason, Instant at, String feedMarket,
        String feedSource, String venue) {

    /** A fill whose feed is not recorded. */
    public Fill(long id, String proposalId, ProposalKind kind, String coin, PositionSide side, BigDecimal qty, BigDecimal price,
            BigDecimal fee, BigDecimal realizedPnl, String reason, Instant at) {
        this(id, proposalId, kind, coin, side, qty, price, fee, realizedPnl, reason, at, null, null, null);
    }
}
