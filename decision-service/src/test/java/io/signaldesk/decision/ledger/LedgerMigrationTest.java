package io.signaldesk.decision.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.support.PostgresServer;

/**
 * A ledger written by an older service, migrated by this one: rows are kept, and what V8 and V9 derive is derived. The
 * rows are written with the columns the older schema had (as that service wrote them), then the migrations run on,
 * and the repositories read the result. SQLite always; PostgreSQL when installed (the same portable migrations).
 */
class LedgerMigrationTest {

    @TempDir
    Path dir;

    @Test
    void sqliteAtV7MovesTheOpenPositionsOfEarlierSimulatorRunsToTheSimulatorAndKeepsEveryOtherMarket() throws Exception {
        v8MovesSimulatorRunsToTheSimulator(sqlite(), "db/sqlite");
    }

    @Test
    void sqliteAtV8KeepsItsRowsAndReadsTheEdgeVerdictTheReasonsRecorded() throws Exception {
        v9KeepsRowsAndBackfillsTheVerdict(sqlite(), "db/sqlite");
    }

    @Test
    void sqliteAtV12ReadsTheSideEachEntryWantedFromTheRulesReasonOnce() throws Exception {
        v13BackfillsTheWantedSide(sqlite(), "db/sqlite");
    }

    @Test
    void sqliteAtV17KeepsEdgeOutcomesWithoutAMarketAndWritesTheMarketOfNewOnes() throws Exception {
        v18KeepsOutcomesWithoutAMarket(sqlite(), "db/sqlite");
    }

    @Test
    void sqliteAtV20KeepsModelAnswersWithoutAMarketCountedForNoMarket() throws Exception {
        v21KeepsModelAnswersWithoutAMarket(sqlite(), "db/sqlite");
    }

    @Test
    void sqliteAtV21KeepsEachSetupsLastProbeAsThePaceOfNoMarket() throws Exception {
        v22KeepsLastProbesOfNoMarket(sqlite(), "db/sqlite");
    }

    @Nested
    @ExtendWith(PostgresServer.Available.class)
    class OnPostgres {

        @Test
        void postgresAtV21KeepsEachSetupsLastProbeAsThePaceOfNoMarket() throws Exception {
            v22KeepsLastProbesOfNoMarket(postgres("v22"), "db/postgresql");
        }

        @Test
        void postgresAtV20KeepsModelAnswersWithoutAMarketCountedForNoMarket() throws Exception {
            v21KeepsModelAnswersWithoutAMarket(postgres("v21"), "db/postgresql");
        }

        @Test
        void postgresAtV17KeepsEdgeOutcomesWithoutAMarketAndWritesTheMarketOfNewOnes() throws Exception {
            v18KeepsOutcomesWithoutAMarket(postgres("v18"), "db/postgresql");
        }

        @Test
        void postgresAtV12ReadsTheSideEachEntryWantedFromTheRulesReasonOnce() throws Exception {
            v13BackfillsTheWantedSide(postgres("v13"), "db/postgresql");
        }

        @Test
        void postgresAtV7MovesTheOpenPositionsOfEarlierSimulatorRunsToTheSimulator() throws Exception {
            v8MovesSimulatorRunsToTheSimulator(postgres("v8"), "db/postgresql");
        }

        @Test
        void postgresAtV8KeepsItsRowsAndReadsTheEdgeVerdictTheReasonsRecorded() throws Exception {
            v9KeepsRowsAndBackfillsTheVerdict(postgres("v9"), "db/postgresql");
        }
    }

    private static void v8MovesSimulatorRunsToTheSimulator(DataSource source, String dialect) throws Exception {
        migrate(source, dialect, "7");
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            for (String[] row : new String[][] { { "p-btc", "BTC", "simulator#3f2a91c0" }, { "p-eth", "ETH", "replay#58d122c6" },
                    { "p-sol", "SOL", "binance" }, { "p-xrp", "XRP", null } }) {
                s.execute(proposal(row[0], "ENTRY", row[1], "LONG: momentum 0.35%", "CONFIRMED"));
                String market = row[2] == null ? "NULL" : "'" + row[2] + "'";
                s.execute("INSERT INTO position (coin, side, qty, entry_price, entry_fee, stop_loss, take_profit, opened_at,"
                        + " proposal_id, feed_market, feed_source, venue) VALUES ('" + row[1] + "', 'LONG', '0.002105', "
                        + "'95000.10', '0.20', '93575.10', '97850.10', '2026-12-01T10:00:00Z', '" + row[0] + "', " + market
                        + ", 'simulator', 'SIMULATOR')");
                s.execute("INSERT INTO fill (proposal_id, kind, coin, side, qty, price, fee, realized_pnl, reason, at,"
                        + " feed_market, feed_source, venue) VALUES ('" + row[0] + "', 'ENTRY', '" + row[1] + "', 'LONG', "
                        + "'0.002105', '95000.10', '0.20', '0', 'confirmed', '2026-12-01T10:00:00Z', " + market
                        + ", 'simulator', 'SIMULATOR')");
            }
        }
        migrate(source, dialect, "8");
        assertEquals(List.of("BTC simulator", "ETH replay#58d122c6", "SOL binance", "XRP null"),
                column(source, "SELECT coin || ' ' || COALESCE(feed_market, 'null') FROM position ORDER BY coin"));
        // a fill keeps the market it was written on
        assertEquals(List.of("BTC simulator#3f2a91c0"),
                column(source, "SELECT coin || ' ' || feed_market FROM fill WHERE coin = 'BTC'"));
        Db db = new Db(source);
        LedgerRepository ledger = new LedgerRepository(db, new ProposalRepository(db));
        assertEquals("simulator", ledger.position("BTC").orElseThrow().feedMarket());
        assertEquals(0, new BigDecimal("95000.10").compareTo(ledger.position("BTC").orElseThrow().entryPrice()));
    }

    private static void v9KeepsRowsAndBackfillsTheVerdict(DataSource source, String dialect) throws Exception {
        migrate(source, dialect, "8");
        String unproven = "LONG: momentum 0.35%, bids 62% of book | unproven (no measured edge): BTC LONG, rules "
                + "(confidence 4-6, calm market): 12 of 30 scored calls";
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute(proposal("advised", "ENTRY", "BTC", unproven, "PENDING"));
            s.execute(proposal("plain", "ENTRY", "ETH", "SHORT: momentum -0.41%", "CONFIRMED"));
            s.execute(proposal("exit", "EXIT", "ETH", "10s check; rules turned LONG", "PENDING"));
            s.execute(decision("PROPOSED", "ENTRY", unproven, "advised"));
            s.execute(decision("NO_EDGE", "ENTRY", "LONG: momentum 0.25% | no measured edge: BTC LONG, rules "
                    + "(confidence 4-6, unknown market): 0 of 30 scored calls", null));
            s.execute(decision("PROPOSED", "ENTRY", "SHORT: momentum -0.41%", "plain"));
            s.execute(decision("VETOED", "ENTRY", "LONG: momentum 0.35%", null));
        }
        migrate(source, dialect, null);

        ProposalRepository proposals = new ProposalRepository(new Db(source));
        Proposal advised = proposals.find("advised").orElseThrow();
        assertEquals(EdgeVerdict.UNPROVEN, advised.edgeVerdict());
        assertEquals(unproven, advised.ruleReason());
        assertEquals(0, new BigDecimal("0.002105").compareTo(advised.size()));
        assertEquals("PENDING", advised.status().name());
        assertNull(proposals.find("plain").orElseThrow().edgeVerdict(), "PROVEN and UNGATED were never written down");
        assertNull(proposals.find("exit").orElseThrow().edgeVerdict(), "an exit has no edge verdict");

        List<Decision> decisions = new DecisionRepository(new Db(source)).after(0);
        assertEquals(4, decisions.size());
        assertEquals(List.of("PROPOSED UNPROVEN", "NO_EDGE NO_EDGE", "PROPOSED null", "VETOED null"),
                decisions.stream().map(d -> d.outcome() + " " + d.edgeVerdict()).toList());
        assertEquals(DecisionOutcome.PROPOSED, decisions.get(0).outcome());
        assertEquals("advised", decisions.get(0).proposalId());
        assertEquals(unproven, decisions.get(0).ruleReason());
    }

    private static void v18KeepsOutcomesWithoutAMarket(DataSource source, String dialect) throws Exception {
        migrate(source, dialect, "17");
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO signal (coin, source, direction, confidence, price, momentum_direction, at) VALUES"
                    + " ('ETH', 'AI', 'SHORT', 6, '3100.25', 'WAIT', '2026-12-01T09:00:00Z')");
            s.execute("INSERT INTO edge_outcome (coin, source, direction, bucket, regime, called_at, horizon_seconds,"
                    + " move_pct, origin) VALUES ('BTC', 'RULES', 'LONG', '7-10', 'CALM', '2026-12-01T10:00:00Z', 900,"
                    + " '0.4210', 'LIVE')");
        }
        migrate(source, dialect, null);

        EdgeRepository edges = new EdgeRepository(new Db(source));
        io.signaldesk.core.edge.SetupKey setup = io.signaldesk.core.edge.SetupKey.of("BTC", "RULES", Direction.LONG, 8,
                io.signaldesk.core.edge.VolatilityRegime.CALM);
        edges.insert(new io.signaldesk.decision.engine.port.EdgeStore.ScoredCall(setup,
                java.time.Instant.parse("2026-12-02T10:00:00Z"), java.time.Duration.ofMinutes(15), new BigDecimal("-0.1500"),
                "binance"), "LIVE");
        var scored = edges.scored(java.time.Duration.ofMinutes(15));
        assertEquals(2, scored.size(), "the row from before is kept");
        assertNull(scored.get(0).market(), "market not recorded");
        assertEquals(0, new BigDecimal("0.4210").compareTo(scored.get(0).movePct()));
        assertEquals("binance", scored.get(1).market());
        assertEquals(setup, scored.get(1).setup());

        // V20: a signal from before keeps no market; a new one keeps its own
        SignalRepository signals = new SignalRepository(new Db(source));
        signals.insert(new io.signaldesk.decision.domain.Signal("BTC", "RULES", Direction.LONG, 8, new BigDecimal("97000.5"),
                Direction.WAIT, java.time.Instant.parse("2026-12-02T10:00:00Z"), "binance"), List.of(java.time.Duration.ofMinutes(5)));
        assertEquals(List.of("binance"), signals.pending().stream().map(p -> p.signal().market()).toList());
        assertEquals(java.util.Arrays.asList(null, "binance"), column(source, "SELECT market FROM signal ORDER BY id"),
                "the signal from before is kept, market not recorded");
    }

    private static void v21KeepsModelAnswersWithoutAMarket(DataSource source, String dialect) throws Exception {
        migrate(source, dialect, "20");
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO model_prompt (sha, system) VALUES ('0a1b', 'You are a crypto trading assistant.')");
            s.execute("INSERT INTO model_answer (kind, coin, side, acted, confidence, model, answered_at, horizon_seconds,"
                    + " move_pct, net_pct, right_answer, question, answer, system_sha, role, lesson_version) VALUES"
                    + " ('ENTRY', 'BTC', 'LONG', 1, 7, 'llama3.2:3b', '2026-12-01T10:00:00Z', 900, '1.2000', '0.9000', 1,"
                    + " 'ENTRY LONG BTC at 96500.10', '{\"enter\":true,\"confidence\":7,\"reason\":\"Bids lead.\"}',"
                    + " '0a1b', 'PRIMARY', NULL)");
        }
        migrate(source, dialect, null);

        Db db = new Db(source);
        EdgeRepository answers = new EdgeRepository(db);
        java.time.Duration horizon = java.time.Duration.ofMinutes(15);
        answers.insertAnswer(new io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer("ENTRY", "BTC", "LONG", false,
                5, "llama3.2:3b", java.time.Instant.parse("2026-12-02T10:00:00Z"), horizon, new BigDecimal("-0.2000"),
                new BigDecimal("-0.5000"), true, null, null, null, "PRIMARY", null, "binance"), 100);
        assertEquals(java.util.Arrays.asList(null, "binance"),
                answers.answers(horizon).stream().map(a -> a.market()).toList(), "the answer from before is kept");
        assertEquals(java.util.Map.of("market not recorded", 1L, "binance", 1L), answers.answersByMarket(horizon));
        assertEquals(1L, answers.arena(horizon, "binance").get(0).calls(), "Binance's arena: its own answer only");
        assertEquals(1L, answers.arena(horizon, "market not recorded").get(0).calls());
        assertEquals(List.of("ENTRY LONG BTC at 96500.10"), answers.withPrompts(horizon,
                new io.signaldesk.decision.engine.port.EdgeStore.AnswerFilter(null, null, null, null, 10,
                        "market not recorded")).stream().map(a -> a.question()).toList(), "readable by its label");
        LessonRepository lessons = new LessonRepository(db);
        assertEquals(1, lessons.scoredAfter(horizon, "binance", null), "the answer from before counts for no market");
        assertEquals(1L, lessons.byVersion(horizon, "binance").get(0).answers());
    }

    private static void v22KeepsLastProbesOfNoMarket(DataSource source, String dialect) throws Exception {
        migrate(source, dialect, "21");
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO edge_probe (coin, source, direction, probed_at) VALUES ('BTC', 'ai', 'LONG',"
                    + " '2026-12-07T15:00:00Z')");
        }
        migrate(source, dialect, null);

        EdgeRepository probes = new EdgeRepository(new Db(source));
        var before = new io.signaldesk.decision.engine.port.EdgeStore.ProbedSetup("BTC", "ai", "LONG", "market not recorded");
        var binance = new io.signaldesk.decision.engine.port.EdgeStore.ProbedSetup("BTC", "ai", "LONG", "binance");
        probes.probed(binance, java.time.Instant.parse("2026-12-07T15:01:00Z"));
        probes.probed(binance, java.time.Instant.parse("2026-12-07T15:06:00Z"));
        assertEquals(java.util.Map.of(before, java.time.Instant.parse("2026-12-07T15:00:00Z"), binance,
                java.time.Instant.parse("2026-12-07T15:06:00Z")), probes.lastProbes(),
                "the probe from before is kept apart; Binance's is one row, its latest");
    }

    private static void v13BackfillsTheWantedSide(DataSource source, String dialect) throws Exception {
        migrate(source, dialect, "12");
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute(decision("NO_EDGE", "ENTRY", "SHORT: momentum -0.41% | no measured edge: 0 of 30 scored calls", null));
            s.execute(decision("PROPOSED", "ENTRY", "LONG: momentum 0.35%", null));
            s.execute(decision("NO_EDGE", "ENTRY", "no measured edge: BTC LONG, ai", null)); // AI mode: no rules' reason
            s.execute(decision("PROPOSED", "EXIT", "LONG: 10s check", null));
        }
        migrate(source, dialect, null);

        List<Decision> decisions = new DecisionRepository(new Db(source)).after(0);
        assertEquals(java.util.Arrays.asList(Direction.SHORT, Direction.LONG, null, null),
                decisions.stream().map(Decision::wanted).toList(), "the side a reason began with, entries only");
    }

    private static String proposal(String id, String kind, String coin, String ruleReason, String status) {
        return "INSERT INTO proposal (id, kind, coin, side, size, price, confidence, stop_loss_pct, source, mode, policy,"
                + " rule_reason, ai_reason, fallback_reason, status, created_at, expires_at, decided_at, refused_by,"
                + " resized_by) VALUES ('" + id + "', '" + kind + "', '" + coin + "', 'LONG', '0.002105', '95000.10', 6,"
                + " '1.5', 'RULES', 'RULES', NULL, '" + ruleReason + "', NULL, NULL, '" + status + "',"
                + " '2026-12-01T10:00:00Z', '2026-12-01T10:01:00Z', NULL, NULL, NULL)";
    }

    private static String decision(String outcome, String kind, String ruleReason, String proposalId) {
        return "INSERT INTO decision (at, market_at, coin, kind, outcome, mode, policy, source, direction, confidence,"
                + " rule_reason, ai_reason, fallback_reason, proposal_id, refused_by, resized_by) VALUES"
                + " ('2026-12-01T10:00:00Z', '2026-12-01T09:59:59.870Z', 'BTC', '" + kind + "', '" + outcome + "',"
                + " 'RULES', NULL, 'RULES', '" + ("NO_EDGE".equals(outcome) ? "WAIT" : "LONG") + "', 6, '" + ruleReason
                + "', NULL, NULL, " + (proposalId == null ? "NULL" : "'" + proposalId + "'") + ", NULL, NULL)";
    }

    /** Migrates to {@code target} (a version; null: the newest), as the service does: the dialect's V1-V2, then the rest. */
    private static void migrate(DataSource source, String dialect, String target) {
        var config = Flyway.configure().dataSource(source).locations("classpath:" + dialect, "classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static List<String> column(DataSource source, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private DataSource sqlite() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("ledger.db"));
        return source;
    }

    private static DataSource postgres(String prefix) {
        PostgresServer server = PostgresServer.get();
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(server.newDatabase("migration_" + prefix));
        source.setUser(PostgresServer.USER);
        source.setPassword(PostgresServer.PASSWORD);
        return source;
    }
}
