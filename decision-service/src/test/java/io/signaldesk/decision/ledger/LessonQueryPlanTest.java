package io.signaldesk.decision.ledger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.decision.support.PostgresServer;
import io.signaldesk.decision.support.RestartLedger;

/**
 * The lessons panel's two reads of {@code model_answer} on the desk's market (GET /api/lessons, every 15 s) are answered
 * by an index of V16 (its market since V21), not a scan of the whole table with its prompt texts: SQLite's plan names the covering indexes; PostgreSQL's
 * planner picks them on a ledger of 5,000 answers as it does on one of 50,000 (decision README).
 */
class LessonQueryPlanTest {

    /** Answers scored after the last draft: the newest few. */
    private static final Object[] SCORED_AFTER = { 900L, "binance", "2026-12-02T17:00:00.000Z" };
    private static final Object[] BY_VERSION = { 900L, "binance" };

    @TempDir
    Path dir;

    @Test
    void theLessonsPanelReadsScoredAnswersThroughCoveringIndexesOnSqlite() throws SQLException {
        DataSource ledger = RestartLedger.sqlite(dir.resolve("ledger.db")).started();
        String scored = plan(ledger, "EXPLAIN QUERY PLAN ", LessonRepository.SCORED_AFTER, SCORED_AFTER);
        assertTrue(scored.contains("USING COVERING INDEX model_answer_scored"), scored);
        String byVersion = plan(ledger, "EXPLAIN QUERY PLAN ", LessonRepository.BY_VERSION, BY_VERSION);
        assertTrue(byVersion.contains("USING COVERING INDEX model_answer_by_version"), byVersion);
    }

    @Nested
    @ExtendWith(PostgresServer.Available.class)
    class OnPostgres {

        @Test
        void thePlannerAnswersTheLessonsPanelFromTheIndexesOnPostgres() throws SQLException {
            DataSource ledger = RestartLedger.postgres("plans").started();
            try (Connection c = ledger.getConnection(); Statement s = c.createStatement()) {
                // 5,000 answers with their prompt texts, a fifth of them a shadow's, a third on the simulator, vacuumed and analysed as autovacuum would
                s.execute("""
                        INSERT INTO model_answer (kind, coin, side, acted, confidence, model, answered_at, horizon_seconds,
                            move_pct, net_pct, right_answer, question, answer, system_sha, role, lesson_version, market)
                        SELECT 'ENTRY', 'BTC', 'LONG', g % 2, 6, 'llama3.2:3b',
                            to_char(TIMESTAMP '2026-12-01' + g * INTERVAL '30 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 900,
                            '0.1000', '-0.2000', g % 2, repeat('q', 1500), repeat('a', 100), NULL,
                            CASE WHEN g % 5 = 0 THEN 'SHADOW' ELSE 'PRIMARY' END, g / 1000,
                            CASE WHEN g % 3 = 0 THEN 'simulator' ELSE 'binance' END
                        FROM generate_series(1, 5000) AS g""");
                s.execute("VACUUM ANALYZE model_answer");
            }
            String scored = plan(ledger, "EXPLAIN ", LessonRepository.SCORED_AFTER, SCORED_AFTER);
            assertTrue(scored.contains("Index Only Scan using model_answer_scored"), scored);
            String byVersion = plan(ledger, "EXPLAIN ", LessonRepository.BY_VERSION, BY_VERSION);
            assertTrue(byVersion.contains("Index Only Scan using model_answer_by_version"), byVersion);
            assertFalse(byVersion.contains("Seq Scan"), byVersion);
        }
    }

    /** The plan's lines (SQLite: its detail column; PostgreSQL: its text). */
    private static String plan(DataSource ledger, String explain, String sql, Object[] values) throws SQLException {
        try (Connection c = ledger.getConnection();
                PreparedStatement s = Db.prepare(c, explain + sql, values); ResultSet rs = s.executeQuery()) {
            boolean sqlite = explain.contains("QUERY PLAN");
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(sqlite ? rs.findColumn("detail") : 1));
            }
            return String.join("\n", lines);
        }
    }
}
