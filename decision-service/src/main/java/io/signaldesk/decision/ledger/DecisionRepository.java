package io.signaldesk.decision.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.LedgerEvent;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.port.DecisionLog;

/** The engine's audit trail in the ledger database. */
@ApplicationScoped
public class DecisionRepository implements DecisionLog {

    private final Db db;

    private final EventOutbox outbox;

    @jakarta.inject.Inject
    public DecisionRepository(Db db, EventOutbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** Decisions without events (the backtest's engine on its own database, tests). */
    public DecisionRepository(Db db) {
        this(db, EventOutbox.none());
    }

    /** Records the decision, and its event in the same transaction (kafka transport: see {@link EventOutbox}). */
    public void insert(Decision d) {
        db.inTransaction(c -> {
            insert(c, d, outbox);
            return null;
        });
    }

    /** Writes {@code d} and its event on {@code c}, inside the caller's transaction (a proposal's, a fill's). */
    static void insert(Connection c, Decision d, EventOutbox outbox) throws SQLException {
        Db.update(c, """
            INSERT INTO decision (at, market_at, coin, kind, outcome, mode, policy, source, direction, confidence,
                rule_reason, ai_reason, fallback_reason, proposal_id, refused_by, resized_by, edge_verdict, wanted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            d.at(), d.marketAt(), d.coin(), d.kind(), d.outcome(), d.mode(), d.policy(),
            d.source() == null ? null : d.source().label(), d.direction(),
            d.confidence(), d.ruleReason(), d.aiReason(), d.fallbackReason(), d.proposalId(), d.refusedBy(),
            d.resizedBy(), d.edgeVerdict(), d.wanted());
        outbox.add(c, EventOutbox.DECISIONS, LedgerEvent.of(d));
    }

    /**
     * Puts the model's reason in place of {@code placeholder} once it is written, on the decision and on its
     * proposal: the engine acts on the decision before the reason arrives.
     */
    public void amendAiReason(Decision d, String placeholder, String reason) {
        db.inTransaction(c -> {
            Db.update(c, "UPDATE decision SET ai_reason = replace(ai_reason, ?, ?) WHERE coin = ? AND at = ? AND kind = ?",
                    placeholder, reason, d.coin(), d.at(), d.kind());
            if (d.proposalId() != null) {
                Db.update(c, "UPDATE proposal SET ai_reason = replace(ai_reason, ?, ?) WHERE id = ?",
                        placeholder, reason, d.proposalId());
            }
            return null;
        });
    }

    /** Newest first. */
    public List<Decision> latest(int limit) {
        return db.read(c -> {
            List<Decision> result = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, "SELECT * FROM decision ORDER BY id DESC LIMIT ?", limit);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        });
    }

    /** Every decision stored after the one with id {@code afterId}, oldest first (a backtest collects them as it runs). */
    public List<Decision> after(long afterId) {
        return db.read(c -> {
            List<Decision> result = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, "SELECT * FROM decision WHERE id > ? ORDER BY id", afterId);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        });
    }

    private static Decision map(ResultSet rs) throws SQLException {
        int confidence = rs.getInt("confidence");
        Integer boxed = rs.wasNull() ? null : confidence;
        return new Decision(rs.getLong("id"), Db.instant(rs, "at"), Db.instant(rs, "market_at"), rs.getString("coin"),
                Db.enumOf(rs, "kind", ProposalKind.class), Db.enumOf(rs, "outcome", DecisionOutcome.class),
                Db.enumOf(rs, "mode", Mode.class), Db.enumOf(rs, "policy", Policy.class),
                DecisionSource.fromLabel(rs.getString("source")).orElse(null),
                Db.enumOf(rs, "direction", Direction.class), boxed, rs.getString("rule_reason"),
                rs.getString("ai_reason"), rs.getString("fallback_reason"), rs.getString("proposal_id"),
                rs.getString("refused_by"), rs.getString("resized_by"), Db.enumOf(rs, "edge_verdict", EdgeVerdict.class),
                Db.enumOf(rs, "wanted", Direction.class));
    }
}
