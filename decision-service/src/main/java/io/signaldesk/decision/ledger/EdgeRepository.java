package io.signaldesk.decision.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.core.edge.SetupKey;
import io.signaldesk.core.edge.VolatilityRegime;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.port.EdgeStore;

/**
 * The edge gate's scored calls in the ledger ({@code edge_outcome}) and when each gated setup was last probed
 * ({@code edge_probe}): the track record and the probes' pace survive a restart.
 */
@ApplicationScoped
public class EdgeRepository implements EdgeStore {

    private final Db db;
    private long inserts;

    public EdgeRepository(Db db) {
        this.db = db;
    }

    @Override
    public Map<ProbedSetup, Instant> lastProbes() {
        return db.read(c -> {
            Map<ProbedSetup, Instant> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT market, coin, source, direction, probed_at FROM edge_probe"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(new ProbedSetup(rs.getString("coin"), rs.getString("source"), rs.getString("direction"),
                            rs.getString("market")), Db.instant(rs, "probed_at"));
                }
            }
            return out;
        });
    }

    @Override
    public void probed(ProbedSetup setup, Instant at) {
        db.inTransaction(c -> Db.update(c, """
                INSERT INTO edge_probe (market, coin, source, direction, probed_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (market, coin, source, direction) DO UPDATE SET probed_at = excluded.probed_at""",
                setup.market(), setup.coin(), setup.source(), setup.direction(), at));
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
                            move_pct, origin, market) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", s.coin(), s.source(),
                        s.direction(), s.bucket(), s.regime(), call.calledAt(), call.horizon().toSeconds(), call.movePct(),
                        origin, call.market());
            }
            return null;
        });
    }

    /** Every call scored at {@code horizon}, oldest first, each with its market (null: not recorded). */
    public List<ScoredCall> scored(Duration horizon) {
        return db.read(c -> {
            List<ScoredCall> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, """
                    SELECT coin, source, direction, bucket, regime, called_at, move_pct, market FROM edge_outcome
                    WHERE horizon_seconds = ? ORDER BY called_at""", horizon.toSeconds()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    SetupKey setup = new SetupKey(rs.getString("coin"), rs.getString("source"),
                            Db.enumOf(rs, "direction", Direction.class), rs.getString("bucket"),
                            Db.enumOf(rs, "regime", VolatilityRegime.class));
                    out.add(new ScoredCall(setup, Db.instant(rs, "called_at"), horizon, Db.decimal(rs, "move_pct"),
                            rs.getString("market")));
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Map<SetupKey, Long>> countByOriginPerMarket(Duration horizon, String origin) {
        return db.read(c -> {
            Map<String, Map<SetupKey, Long>> out = new HashMap<>();
            try (PreparedStatement s = Db.prepare(c, """
                    SELECT market, coin, source, direction, bucket, regime, COUNT(*) AS calls FROM edge_outcome
                    WHERE horizon_seconds = ? AND origin = ? GROUP BY market, coin, source, direction, bucket, regime""",
                    horizon.toSeconds(), origin); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String market = rs.getString("market");
                    out.computeIfAbsent(market == null ? EdgeService.NOT_RECORDED : market, m -> new HashMap<>())
                            .put(new SetupKey(rs.getString("coin"), rs.getString("source"),
                                    Db.enumOf(rs, "direction", Direction.class), rs.getString("bucket"),
                                    Db.enumOf(rs, "regime", VolatilityRegime.class)), rs.getLong("calls"));
                }
            }
            return out;
        });
    }

    /**
     * Stores a scored answer; its system message once (model_prompt, by SHA-256). Every 256th insert clears the texts
     * of the answers older than the newest {@code keepTexts} that have them (the record itself is kept).
     */
    @Override
    public void insertAnswer(ScoredAnswer a, int keepTexts) {
        String sha = a.system() == null ? null : sha256(a.system());
        db.inTransaction(c -> {
            if (sha != null) {
                Db.update(c, """
                        INSERT INTO model_prompt (sha, system) SELECT ?, ? WHERE NOT EXISTS
                            (SELECT 1 FROM model_prompt WHERE sha = ?)""", sha, a.system(), sha);
            }
            Db.update(c, """
                    INSERT INTO model_answer (kind, coin, side, acted, confidence, model, answered_at, horizon_seconds,
                        move_pct, net_pct, right_answer, question, answer, system_sha, role, lesson_version, market)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", a.kind(), a.coin(), a.side(),
                    a.acted() ? 1 : 0, a.confidence(), a.model(), a.answeredAt(), a.horizon().toSeconds(), a.movePct(),
                    a.netPct(), a.right() ? 1 : 0, a.question(), a.answer(), sha, a.role(), a.lessonVersion(),
                    a.market());
            if (++inserts % 256 == 0) {
                Db.update(c, """
                        UPDATE model_answer SET question = NULL, answer = NULL, system_sha = NULL
                        WHERE question IS NOT NULL AND answered_at < (SELECT answered_at FROM model_answer
                            WHERE question IS NOT NULL ORDER BY answered_at DESC LIMIT 1 OFFSET ?)""", keepTexts);
            }
            return null;
        });
    }

    /** The scored answers with their prompt as sent on the filter's market, oldest first, at most {@code filter.limit()}. */
    @Override
    public List<ScoredAnswer> withPrompts(Duration horizon, AnswerFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT a.kind, a.coin, a.side, a.acted, a.confidence, a.model, a.answered_at, a.move_pct, a.net_pct,
                    a.right_answer, a.question, a.answer, p.system, a.market FROM model_answer a
                    JOIN model_prompt p ON p.sha = a.system_sha
                WHERE a.horizon_seconds = ? AND a.role = 'PRIMARY' AND a.question IS NOT NULL AND a.answer IS NOT NULL""");
        List<Object> values = new ArrayList<>(List.of(horizon.toSeconds()));
        if (filter.market() != null) {
            sql.append(onMarket(filter.market(), "a.market", values));
        }
        if (filter.kind() != null) {
            sql.append(" AND a.kind = ?");
            values.add(filter.kind());
        }
        if (filter.coin() != null) {
            sql.append(" AND a.coin = ?");
            values.add(filter.coin());
        }
        if (filter.from() != null) {
            sql.append(" AND a.answered_at >= ?");
            values.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND a.answered_at < ?");
            values.add(filter.to());
        }
        sql.append(" ORDER BY a.answered_at LIMIT ?");
        values.add(filter.limit());
        return db.read(c -> {
            List<ScoredAnswer> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, sql.toString(), values.toArray()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int confidence = rs.getInt("confidence");
                    Integer known = rs.wasNull() ? null : confidence;
                    out.add(new ScoredAnswer(rs.getString("kind"), rs.getString("coin"), rs.getString("side"),
                            rs.getInt("acted") == 1, known, rs.getString("model"),
                            Db.instant(rs, "answered_at"), horizon, Db.decimal(rs, "move_pct"), Db.decimal(rs, "net_pct"),
                            rs.getInt("right_answer") == 1, rs.getString("question"), rs.getString("answer"),
                            rs.getString("system"), PRIMARY, null, rs.getString("market")));
                }
            }
            return out;
        });
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** " AND {column} = ?" ({@code market} added to {@code values}), or " AND {column} IS NULL" for the rows from before. */
    private static String onMarket(String market, String column, List<Object> values) {
        if (EdgeService.NOT_RECORDED.equals(market)) {
            return " AND " + column + " IS NULL";
        }
        values.add(market);
        return " AND " + column + " = ?";
    }

    @Override
    public List<ArenaRow> arena(Duration horizon, String market) {
        String figures = """
                COUNT(*) AS calls, SUM(a.right_answer) AS rights, SUM(a.acted) AS acted,
                SUM(CASE WHEN a.acted = 1 THEN CAST(a.net_pct AS DOUBLE PRECISION) ELSE 0 END) AS net_sum,
                SUM(CASE WHEN a.acted = 1 THEN CAST(a.net_pct AS DOUBLE PRECISION) * CAST(a.net_pct AS DOUBLE PRECISION)
                    ELSE 0 END) AS net_squares""";
        List<Object> values = new ArrayList<>(List.of(horizon.toSeconds()));
        String onMarket = onMarket(market, "a.market", values);
        return db.read(c -> {
            List<ArenaRow> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, "SELECT a.role, a.model, NULL AS paired, " + figures
                    + " FROM model_answer a WHERE a.horizon_seconds = ?" + onMarket
                    + " GROUP BY a.role, a.model ORDER BY a.role, a.model", values.toArray()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(arenaRow(rs));
                }
            }
            // the model in use on exactly the questions the shadow answered: the fair comparison
            try (PreparedStatement s = Db.prepare(c, "SELECT a.role, a.model, o.model AS paired, " + figures + """
                     FROM model_answer a JOIN model_answer o ON o.role = 'SHADOW' AND o.kind = a.kind AND o.coin = a.coin
                        AND o.side = a.side AND o.answered_at = a.answered_at AND o.horizon_seconds = a.horizon_seconds
                    WHERE a.role = 'PRIMARY' AND a.horizon_seconds = ?""" + onMarket
                    + " GROUP BY a.role, a.model, o.model ORDER BY a.model, o.model", values.toArray());
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(arenaRow(rs));
                }
            }
            return out;
        });
    }

    private static ArenaRow arenaRow(ResultSet rs) throws java.sql.SQLException {
        return new ArenaRow(rs.getString("role"), rs.getString("model"), rs.getString("paired"), rs.getLong("calls"),
                rs.getLong("rights"), rs.getLong("acted"), rs.getDouble("net_sum"), rs.getDouble("net_squares"));
    }

    /** Every answer of the model in use scored at {@code horizon}, its probes' too, oldest first (its record). */
    @Override
    public List<ScoredAnswer> answers(Duration horizon) {
        return db.read(c -> {
            List<ScoredAnswer> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, """
                    SELECT kind, coin, side, acted, confidence, model, answered_at, move_pct, net_pct, right_answer, role,
                        market FROM model_answer
                    WHERE horizon_seconds = ? AND role IN ('PRIMARY', 'PROBE') ORDER BY answered_at""", horizon.toSeconds()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int confidence = rs.getInt("confidence");
                    Integer known = rs.wasNull() ? null : confidence;
                    out.add(new ScoredAnswer(rs.getString("kind"), rs.getString("coin"), rs.getString("side"),
                            rs.getInt("acted") == 1, known, rs.getString("model"), Db.instant(rs, "answered_at"), horizon,
                            Db.decimal(rs, "move_pct"), Db.decimal(rs, "net_pct"), rs.getInt("right_answer") == 1, null,
                            null, null, rs.getString("role"), null, rs.getString("market")));
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Long> answersByMarket(Duration horizon) {
        return db.read(c -> {
            Map<String, Long> out = new java.util.TreeMap<>();
            try (PreparedStatement s = Db.prepare(c, """
                    SELECT market, COUNT(*) AS n FROM model_answer WHERE horizon_seconds = ? AND role IN ('PRIMARY', 'PROBE')
                    GROUP BY market""", horizon.toSeconds()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String market = rs.getString("market");
                    out.merge(market == null ? EdgeService.NOT_RECORDED : market, rs.getLong("n"), Long::sum);
                }
            }
            return out;
        });
    }

    /** Forgets the whole track record (the model's answers with it). */
    public void deleteAll() {
        db.inTransaction(c -> {
            Db.update(c, "DELETE FROM model_answer");
            Db.update(c, "DELETE FROM edge_probe");
            return Db.update(c, "DELETE FROM edge_outcome");
        });
    }
}
