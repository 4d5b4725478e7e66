package io.signaldesk.decision.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.port.ProposalStore;

/** Proposals in the ledger database. */
@ApplicationScoped
public class ProposalRepository implements ProposalStore {

    private final Db db;
    private final EventOutbox outbox;

    @jakarta.inject.Inject
    public ProposalRepository(Db db, EventOutbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** Proposals without events (the backtest's engine on its own database, tests). */
    public ProposalRepository(Db db) {
        this(db, EventOutbox.none());
    }

    /** The proposal and the decision that made it (null: none) in one transaction, with the decision's event. */
    public void insert(Proposal p, Decision decided) {
        db.inTransaction(c -> {
            insert(c, p, decided);
            return null;
        });
    }

    void insert(Connection c, Proposal p, Decision decided) throws SQLException {
        insert(c, p);
        if (decided != null) {
            DecisionRepository.insert(c, decided, outbox);
        }
    }

    private static int insert(Connection c, Proposal p) throws SQLException {
        return Db.update(c, """
                INSERT INTO proposal (id, kind, coin, side, size, price, confidence, stop_loss_pct, source, mode, policy,
                    rule_reason, ai_reason, fallback_reason, status, created_at, expires_at, decided_at, refused_by, resized_by,
                    edge_verdict)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                p.id(), p.kind(), p.coin(), p.side(), p.size(), p.price(), p.confidence(), p.stopLossPct(),
                p.source(), p.mode(), p.policy(), p.ruleReason(), p.aiReason(), p.fallbackReason(), p.status(),
                p.createdAt(), p.expiresAt(), p.decidedAt(), p.refusedBy(), p.resizedBy(), p.edgeVerdict());
    }

    public Optional<Proposal> find(String id) {
        return db.read(c -> find(c, id));
    }

    Optional<Proposal> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = Db.prepare(c, "SELECT * FROM proposal WHERE id = ?", id);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    /** Newest first; {@code status} null means all. */
    public List<Proposal> list(ProposalStatus status, int limit) {
        return db.read(c -> {
            String sql = status == null
                    ? "SELECT * FROM proposal ORDER BY rowid DESC LIMIT ?"
                    : "SELECT * FROM proposal WHERE status = ? ORDER BY rowid DESC LIMIT ?";
            Object[] args = status == null ? new Object[] { limit } : new Object[] { status, limit };
            List<Proposal> result = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        });
    }

    /** Moves a proposal from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    public boolean transition(String id, ProposalStatus from, ProposalStatus to, Instant at) {
        return db.inTransaction(c -> transition(c, id, from, to, at));
    }

    boolean transition(Connection c, String id, ProposalStatus from, ProposalStatus to, Instant at)
            throws SQLException {
        return Db.update(c, "UPDATE proposal SET status = ?, decided_at = ? WHERE id = ? AND status = ?",
                to, at, id, from) == 1;
    }

    /**
     * Marks the other pending exit proposals of {@code coin} SUPERSEDED: the position they would close is
     * already closed. Returns how many.
     */
    int supersedePendingExits(Connection c, String coin, String closedBy, Instant at) throws SQLException {
        return Db.update(c, """
                UPDATE proposal SET status = 'SUPERSEDED', decided_at = ?
                WHERE status = 'PENDING' AND kind = 'EXIT' AND coin = ? AND id <> ?""", at, coin, closedBy);
    }

    /** Marks every pending proposal whose time ran out as EXPIRED; returns how many. */
    public int expireDue(Instant now) {
        return db.inTransaction(c -> Db.update(c,
                "UPDATE proposal SET status = 'EXPIRED', decided_at = ? WHERE status = 'PENDING' AND expires_at < ?",
                now, now));
    }

    public long countByStatus(ProposalStatus status) {
        return db.read(c -> {
            try (PreparedStatement s = Db.prepare(c, "SELECT COUNT(*) FROM proposal WHERE status = ?", status);
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    static Proposal map(ResultSet rs) throws SQLException {
        return new Proposal(rs.getString("id"), Db.enumOf(rs, "kind", ProposalKind.class), rs.getString("coin"),
                Db.enumOf(rs, "side", PositionSide.class), Db.decimal(rs, "size"), Db.decimal(rs, "price"),
                rs.getInt("confidence"), Db.decimal(rs, "stop_loss_pct"), rs.getString("source"),
                Db.enumOf(rs, "mode", Mode.class), Db.enumOf(rs, "policy", Policy.class),
                rs.getString("rule_reason"), rs.getString("ai_reason"), rs.getString("fallback_reason"),
                Db.enumOf(rs, "status", ProposalStatus.class), Db.instant(rs, "created_at"),
                Db.instant(rs, "expires_at"), Db.instant(rs, "decided_at"), rs.getString("refused_by"),
                rs.getString("resized_by"), Db.enumOf(rs, "edge_verdict", EdgeVerdict.class));
    }
}
