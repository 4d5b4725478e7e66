package io.signaldesk.decision.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.EquityPoint;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.LedgerEvent;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.port.TradeLedger;

/** Fills, positions and the equity curve in the ledger database. */
@ApplicationScoped
public class LedgerRepository implements TradeLedger {

    private final Db db;
    private long summedThroughId;
    private BigDecimal summedPnl = BigDecimal.ZERO;
    private final ProposalRepository proposals;
    private final EventOutbox outbox;

    @jakarta.inject.Inject
    public LedgerRepository(Db db, ProposalRepository proposals, EventOutbox outbox) {
        this.db = db;
        this.proposals = proposals;
        this.outbox = outbox;
    }

    /** A ledger stack without events (tests build a second one on the same database, as a second service would). */
    public LedgerRepository(Db db, ProposalRepository proposals) {
        this(db, proposals, EventOutbox.none());
    }


    /**
     * In one transaction: moves the proposal out of PENDING (or inserts it already executed when
     * {@code insertProposal} is given), records the fill and opens or closes the position; a close marks
     * the coin's other pending exit proposals SUPERSEDED. Changes nothing when the proposal was no longer pending.
     * {@code resizedBy} names the risk limit that cut the size, stored on the proposal; {@code decided}, the decision
     * that made it, is written with it (a kill -9 leaves both or neither).
     */
    public FillResult applyFill(String proposalId, ProposalStatus to, io.signaldesk.decision.domain.Proposal insertProposal,
            Fill fill, Position opened, String resizedBy, Decision decided) {
        return db.inTransaction(c -> {
            if (insertProposal != null) {
                proposals.insert(c, insertProposal, decided);
            } else if (!proposals.transition(c, proposalId, ProposalStatus.PENDING, to, fill.at())) {
                return new FillResult(false, 0);
            } else {
                if (resizedBy != null) {
                    Db.update(c, "UPDATE proposal SET resized_by = ? WHERE id = ?", resizedBy, proposalId);
                }
                if (decided != null) {
                    DecisionRepository.insert(c, decided, outbox);
                }
            }
            Db.update(c, """
                    INSERT INTO fill (proposal_id, kind, coin, side, qty, price, fee, realized_pnl, reason, at, feed_market,
                        feed_source, venue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    proposalId, fill.kind(), fill.coin(), fill.side(), fill.qty(), fill.price(), fill.fee(),
                    fill.realizedPnl(), fill.reason(), fill.at(), fill.feedMarket(), fill.feedSource(), fill.venue());
            outbox.add(c, EventOutbox.FILLS, LedgerEvent.of(proposalId, fill));
            if (fill.kind() == ProposalKind.ENTRY) {
                Db.update(c, """
                        INSERT INTO position (coin, side, qty, entry_price, entry_fee, stop_loss, take_profit, opened_at,
                            proposal_id, feed_market, feed_source, venue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        opened.coin(), opened.side(), opened.qty(), opened.entryPrice(), opened.entryFee(),
                        opened.stopLoss(), opened.takeProfit(), opened.openedAt(), opened.proposalId(),
                        opened.feedMarket(), opened.feedSource(), opened.venue());
            } else if (Db.update(c, "DELETE FROM position WHERE coin = ?", fill.coin()) != 1) {
                throw new SQLException("no open position for " + fill.coin());
            } else {
                return new FillResult(true, proposals.supersedePendingExits(c, fill.coin(), proposalId, fill.at()));
            }
            return new FillResult(true, 0);
        });
    }

    public List<Position> positions() {
        return db.read(c -> {
            List<Position> result = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM position ORDER BY coin");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(mapPosition(rs));
                }
            }
            return result;
        });
    }

    public Optional<Position> position(String coin) {
        return positions().stream().filter(p -> p.coin().equals(coin)).findFirst();
    }

    /** Newest first. */
    public List<Fill> fills(int limit) {
        return db.read(c -> {
            List<Fill> result = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, "SELECT * FROM fill ORDER BY id DESC LIMIT ?", limit);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(mapFill(rs));
                }
            }
            return result;
        });
    }

    /** Newest first, on {@code market} only: filtered here, not after reading every market's newest. */
    @Override
    public List<Fill> fillsOn(String market, int limit) {
        boolean recorded = !EdgeService.NOT_RECORDED.equals(market);
        String sql = "SELECT * FROM fill WHERE " + (recorded ? "feed_market = ?" : "feed_market IS NULL")
                + " ORDER BY id DESC LIMIT ?";
        return db.read(c -> {
            List<Fill> result = new ArrayList<>();
            try (PreparedStatement s = recorded ? Db.prepare(c, sql, market, limit) : Db.prepare(c, sql, limit);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(mapFill(rs));
                }
            }
            return result;
        });
    }

    public Optional<Fill> fillOf(String proposalId) {
        return db.read(c -> {
            try (PreparedStatement s = Db.prepare(c, "SELECT * FROM fill WHERE proposal_id = ?", proposalId);
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(mapFill(rs)) : Optional.empty();
            }
        });
    }

    public long fillCount(String proposalId) {
        return db.read(c -> {
            try (PreparedStatement s = Db.prepare(c, "SELECT COUNT(*) FROM fill WHERE proposal_id = ?", proposalId);
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Sum of realised P&L over all fills (exits carry it net of both fees). */
    public BigDecimal realizedPnl() {
        if (db.isSoleWriter()) {
            return realizedPnlSoFar();
        }
        return db.read(c -> {
            BigDecimal total = BigDecimal.ZERO;
            try (PreparedStatement s = c.prepareStatement("SELECT realized_pnl FROM fill");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    total = total.add(new BigDecimal(rs.getString(1)));
                }
            }
            return total;
        });
    }

    /**
     * A sole writer's realised P&L: the total kept of the fills read so far plus the ones added since (fills are
     * never changed or removed), so a backtest does not sum every fill again after every frame.
     */
    private synchronized BigDecimal realizedPnlSoFar() {
        return db.read(c -> {
            try (PreparedStatement s = Db.prepare(c, "SELECT id, realized_pnl FROM fill WHERE id > ? ORDER BY id",
                    summedThroughId); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    summedThroughId = rs.getLong(1);
                    summedPnl = summedPnl.add(new BigDecimal(rs.getString(2)));
                }
            }
            return summedPnl;
        });
    }

    public void addEquityPoint(EquityPoint point) {
        db.inTransaction(c -> Db.update(c, "INSERT INTO equity_point (at, equity) VALUES (?, ?)", point.at(),
                point.equity()));
    }

    /** The last {@code limit} points, oldest first. */
    public List<EquityPoint> equityCurve(int limit) {
        return db.read(c -> {
            List<EquityPoint> result = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c,
                    "SELECT at, equity FROM (SELECT rowid AS r, at, equity FROM equity_point ORDER BY rowid DESC LIMIT ?) AS recent ORDER BY r",
                    limit); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new EquityPoint(Db.instant(rs, "at"), Db.decimal(rs, "equity")));
                }
            }
            return result;
        });
    }

    public Optional<String> setting(String name) {
        return db.read(c -> {
            try (PreparedStatement s = Db.prepare(c, "SELECT value FROM setting WHERE name = ?", name);
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    public void saveSetting(String name, String value) {
        saveSettings(Map.of(name, value));
    }

    /** Several settings in one transaction: all of them are written, or none. */
    public void saveSettings(Map<String, String> values) {
        db.inTransaction(c -> {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                Db.update(c, "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                        entry.getKey(), entry.getValue());
            }
            return null;
        });
    }

    private static Position mapPosition(ResultSet rs) throws SQLException {
        return new Position(rs.getString("coin"), Db.enumOf(rs, "side", PositionSide.class), Db.decimal(rs, "qty"),
                Db.decimal(rs, "entry_price"), Db.decimal(rs, "entry_fee"), Db.decimal(rs, "stop_loss"),
                Db.decimal(rs, "take_profit"), Db.instant(rs, "opened_at"), rs.getString("proposal_id"),
                rs.getString("feed_market"), rs.getString("feed_source"), rs.getString("venue"));
    }

    private static Fill mapFill(ResultSet rs) throws SQLException {
        return new Fill(rs.getLong("id"), rs.getString("proposal_id"), Db.enumOf(rs, "kind", ProposalKind.class),
                rs.getString("coin"), Db.enumOf(rs, "side", PositionSide.class), Db.decimal(rs, "qty"),
                Db.decimal(rs, "price"), Db.decimal(rs, "fee"), Db.decimal(rs, "realized_pnl"),
                rs.getString("reason"), Db.instant(rs, "at"), rs.getString("feed_market"), rs.getString("feed_source"),
                rs.getString("venue"));
    }
}
