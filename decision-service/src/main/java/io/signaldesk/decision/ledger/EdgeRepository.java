package io.signaldesk.decision.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.core.edge.SetupKey;
import io.signaldesk.core.edge.VolatilityRegime;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.engine.port.EdgeStore;

/** The edge gate's scored calls in the ledger ({@code edge_outcome}): the track record survives a restart. */
@ApplicationScoped
public class EdgeRepository implements EdgeStore {


    private final Db db;

    public EdgeRepository(Db db) {
        this.db = db;
    }

    public void insert(ScoredCall call, String origin) {
        insertAll(List.of(call), origin);
    }

    /** Stores {@code calls} in one transaction. */
    public void insertAll(List<ScoredCall> calls, String origin) {
        db.inTransaction(c -> {
            for (ScoredCall call : calls) {
                SetupKey s = call.setup();
                Db.update(c, """
                        INSERT INTO edge_outcome (coin, source, direction, bucket, regime, called_at, horizon_seconds,
                            move_pct, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", s.coin(), s.source(), s.direction(),
                        s.bucket(), s.regime(), call.calledAt(), call.horizon().toSeconds(), call.movePct(), origin);
            }
            return null;
        });
    }

    /** Every call scored at {@code horizon}, oldest first. */
    public List<ScoredCall> scored(Duration horizon) {
        return db.read(c -> {
            List<ScoredCall> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, """
                    SELECT coin, source, direction, bucket, regime, called_at, move_pct FROM edge_outcome
                    WHERE horizon_seconds = ? ORDER BY called_at""", horizon.toSeconds()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    SetupKey setup = new SetupKey(rs.getString("coin"), rs.getString("source"),
                            Db.enumOf(rs, "direction", Direction.class), rs.getString("bucket"),
                            Db.enumOf(rs, "regime", VolatilityRegime.class));
                    out.add(new ScoredCall(setup, Db.instant(rs, "called_at"), horizon, Db.decimal(rs, "move_pct")));
                }
            }
            return out;
        });
    }

    /** Forgets the whole track record. */
    public void deleteAll() {
        db.inTransaction(c -> Db.update(c, "DELETE FROM edge_outcome"));
    }
}
