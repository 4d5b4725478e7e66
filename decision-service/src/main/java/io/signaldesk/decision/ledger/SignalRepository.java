package io.signaldesk.decision.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.SignalOutcomes.Outcome;
import io.signaldesk.decision.engine.port.SignalStore;

/** Signals and their outcome per horizon in the ledger database: what scoring needs to pick up again after a restart. */
@ApplicationScoped
public class SignalRepository implements SignalStore {


    private static final String SIGNAL_COLUMNS = "s.id, s.coin, s.source, s.direction, s.confidence, s.price, "
            + "s.momentum_direction, s.at, s.market, o.horizon_seconds";

    private final Db db;

    public SignalRepository(Db db) {
        this.db = db;
    }

    /** Stores the signal with one PENDING outcome per horizon, in one transaction; returns its id. */
    public long insert(Signal signal, List<Duration> horizons) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement s = Db.prepare(c, """
                    INSERT INTO signal (coin, source, direction, confidence, price, momentum_direction, at, market)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", signal.coin(), signal.source(), signal.direction(),
                    signal.confidence(), signal.price(), signal.momentumDirection(), signal.at(), signal.market());
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            for (Duration horizon : horizons) {
                Db.update(c, "INSERT INTO signal_outcome (signal_id, horizon_seconds, status) VALUES (?, ?, 'PENDING')",
                        id, horizon.toSeconds());
            }
            return id;
        });
    }

    /** Records the scored outcome of a pending signal at one horizon. */
    public void scored(long signalId, Outcome outcome, BigDecimal priceAtHorizon, Instant at) {
        db.inTransaction(c -> Db.update(c, """
                UPDATE signal_outcome SET status = 'SCORED', price_at_horizon = ?, move_pct = ?, actual = ?, hit = ?,
                    always_wait_hit = ?, momentum_only_hit = ?, decided_at = ?
                WHERE signal_id = ? AND horizon_seconds = ? AND status = 'PENDING'""",
                priceAtHorizon, outcome.movePct(), outcome.actual(), outcome.hit() ? 1 : 0,
                outcome.alwaysWaitHit() ? 1 : 0, outcome.momentumOnlyHit() ? 1 : 0, at, signalId,
                outcome.horizon().toSeconds()));
    }

    /** Marks a pending signal at one horizon UNSCORABLE: the price there is no longer known. */
    public void unscorable(long signalId, Duration horizon, Instant at) {
        db.inTransaction(c -> Db.update(c, """
                UPDATE signal_outcome SET status = 'UNSCORABLE', decided_at = ?
                WHERE signal_id = ? AND horizon_seconds = ? AND status = 'PENDING'""", at, signalId,
                horizon.toSeconds()));
    }

    /** Every signal and horizon still PENDING, oldest first. */
    public List<PendingOutcome> pending() {
        return db.read(c -> {
            List<PendingOutcome> result = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + SIGNAL_COLUMNS
                    + " FROM signal_outcome o JOIN signal s ON s.id = o.signal_id WHERE o.status = 'PENDING'"
                    + " ORDER BY s.id, o.horizon_seconds"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new PendingOutcome(rs.getLong("id"), signal(rs),
                            Duration.ofSeconds(rs.getLong("horizon_seconds"))));
                }
            }
            return result;
        });
    }

    /** The last {@code limit} scored outcomes, oldest first. */
    public List<Outcome> latestOutcomes(int limit) {
        return db.read(c -> {
            List<Outcome> result = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, "SELECT * FROM (SELECT " + SIGNAL_COLUMNS
                    + ", o.move_pct, o.actual, o.hit, o.always_wait_hit, o.momentum_only_hit, o.decided_at"
                    + " FROM signal_outcome o JOIN signal s ON s.id = o.signal_id WHERE o.status = 'SCORED'"
                    + " ORDER BY o.decided_at DESC, s.id DESC LIMIT ?) AS recent ORDER BY decided_at, id", limit);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new Outcome(signal(rs), Duration.ofSeconds(rs.getLong("horizon_seconds")),
                            Db.decimal(rs, "move_pct"), Db.enumOf(rs, "actual", Direction.class), rs.getInt("hit") == 1,
                            rs.getInt("always_wait_hit") == 1, rs.getInt("momentum_only_hit") == 1));
                }
            }
            return result;
        });
    }

    public long countUnscorable() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM signal_outcome WHERE status = 'UNSCORABLE'"); ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Forgets every signal (tests). */
    public void deleteAll() {
        db.inTransaction(c -> Db.update(c, "DELETE FROM signal_outcome") + Db.update(c, "DELETE FROM signal"));
    }

    private static Signal signal(ResultSet rs) throws SQLException {
        return new Signal(rs.getString("coin"), rs.getString("source"), Db.enumOf(rs, "direction", Direction.class),
                rs.getInt("confidence"), Db.decimal(rs, "price"), Db.enumOf(rs, "momentum_direction", Direction.class),
                Db.instant(rs, "at"), rs.getString("market"));
    }
}
