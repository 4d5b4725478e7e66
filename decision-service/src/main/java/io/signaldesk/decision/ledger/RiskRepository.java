package io.signaldesk.decision.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.port.RiskStore;

/** The stored risk limits, and the ledger figures the risk governor reads (today's P&L, entries, losing exits). */
@ApplicationScoped
public class RiskRepository implements RiskStore {

    private final Db db;

    public RiskRepository(Db db) {
        this.db = db;
    }

    public Optional<RiskLimits> limits() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM risk_limits WHERE id = 1");
                    ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RiskLimits(Db.decimal(rs, "max_position_pct"), rs.getInt("max_open_positions"),
                        Db.decimal(rs, "max_gross_exposure_pct"), Db.decimal(rs, "daily_loss_limit_pct"),
                        rs.getInt("loss_cooldown_seconds"), rs.getInt("max_entries_per_hour"),
                        rs.getInt("safe_mode_after_failures"), Db.decimal(rs, "max_slippage_pct")));
            }
        });
    }

    public void save(RiskLimits l, Instant at) {
        db.inTransaction(c -> Db.update(c, """
                INSERT INTO risk_limits (id, max_position_pct, max_open_positions, max_gross_exposure_pct,
                    daily_loss_limit_pct, loss_cooldown_seconds, max_entries_per_hour, safe_mode_after_failures,
                    max_slippage_pct, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET max_position_pct = excluded.max_position_pct,
                    max_open_positions = excluded.max_open_positions,
                    max_gross_exposure_pct = excluded.max_gross_exposure_pct,
                    daily_loss_limit_pct = excluded.daily_loss_limit_pct,
                    loss_cooldown_seconds = excluded.loss_cooldown_seconds,
                    max_entries_per_hour = excluded.max_entries_per_hour,
                    safe_mode_after_failures = excluded.safe_mode_after_failures,
                    max_slippage_pct = excluded.max_slippage_pct, updated_at = excluded.updated_at""",
                l.maxPositionPct(), l.maxOpenPositions(), l.maxGrossExposurePct(), l.dailyLossLimitPct(),
                l.lossCooldownSeconds(), l.maxEntriesPerHour(), l.safeModeAfterFailures(), l.maxSlippagePct(), at));
    }

    /** Realised P&L of the fills at or after {@code since}, of {@code market} only when given. */
    public BigDecimal realizedSince(Instant since, Optional<String> market) {
        return db.read(c -> {
            BigDecimal total = BigDecimal.ZERO;
            try (PreparedStatement s = market.isPresent()
                    ? Db.prepare(c, "SELECT realized_pnl FROM fill WHERE at >= ? AND feed_market = ?", since, market.get())
                    : Db.prepare(c, "SELECT realized_pnl FROM fill WHERE at >= ?", since);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    total = total.add(new BigDecimal(rs.getString(1)));
                }
            }
            return total;
        });
    }

    /** Entry fills at or after {@code since}, of {@code market} only when given. */
    public int entriesSince(Instant since, Optional<String> market) {
        return db.read(c -> {
            String sql = "SELECT COUNT(*) FROM fill WHERE kind = 'ENTRY' AND at >= ?";
            try (PreparedStatement s = market.isPresent() ? Db.prepare(c, sql + " AND feed_market = ?", since, market.get())
                    : Db.prepare(c, sql, since);
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** When the latest exit that lost money was filled, of {@code market} only when given. */
    public Optional<Instant> lastLosingExit(Optional<String> market) {
        return db.read(c -> {
            String where = "SELECT realized_pnl, at FROM fill WHERE kind = 'EXIT' AND realized_pnl LIKE '-%'";
            String last = " ORDER BY id DESC LIMIT 1";
            try (PreparedStatement s = market.isPresent()
                    ? Db.prepare(c, where + " AND feed_market = ?" + last, market.get())
                    : c.prepareStatement(where + last);
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(Db.instant(rs, "at")) : Optional.empty();
            }
        });
    }

    /** Records which limit refused a proposal (it stays as it is, e.g. PENDING while halted). */
    public void markRefused(String proposalId, String limit) {
        db.inTransaction(c -> Db.update(c, "UPDATE proposal SET refused_by = ? WHERE id = ?", limit, proposalId));
    }
}
