package io.signaldesk.decision.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.TradingEngine;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.PostgresServer;
import io.signaldesk.decision.support.RestartLedger;

/**
 * A proposal and the decision that made it are one transaction: a failure between the two writes (the decision's
 * INSERT refused by a trigger, after the proposal's ran) leaves neither, where it used to leave a proposal the decision
 * log never mentions (a kill -9 there did the same). Pending, auto-executed (proposal, fill and position) and a
 * stop-loss exit; SQLite always, PostgreSQL when installed.
 */
class ProposalWithDecisionTest {

    private static final StrategySettings UNGATED = StrategySettings.DEFAULTS
            .withEdge(StrategySettings.Edge.DEFAULTS.withMode(EdgeGate.OFF));

    @TempDir
    Path dir;

    @Test
    void aPendingProposalIsWrittenWithItsDecisionOrNotAtAllOnSqlite() throws SQLException {
        aPendingProposalIsWrittenWithItsDecisionOrNotAtAll(Dialect.SQLITE, RestartLedger.sqlite(dir.resolve("ledger.db")));
    }

    @Test
    void anAutoExecutedEntryIsWrittenWithItsDecisionOrNotAtAllOnSqlite() throws SQLException {
        anAutoExecutedEntryIsWrittenWithItsDecisionOrNotAtAll(Dialect.SQLITE, RestartLedger.sqlite(dir.resolve("ledger.db")));
    }

    @Test
    void aStopLossExitIsWrittenWithItsDecisionOrNotAtAllOnSqlite() throws SQLException {
        aStopLossExitIsWrittenWithItsDecisionOrNotAtAll(Dialect.SQLITE, RestartLedger.sqlite(dir.resolve("ledger.db")));
    }

    @Nested
    @ExtendWith(PostgresServer.Available.class)
    class OnPostgres {

        @Test
        void aPendingProposalIsWrittenWithItsDecisionOrNotAtAllOnPostgres() throws SQLException {
            aPendingProposalIsWrittenWithItsDecisionOrNotAtAll(Dialect.POSTGRES, RestartLedger.postgres("pending"));
        }

        @Test
        void anAutoExecutedEntryIsWrittenWithItsDecisionOrNotAtAllOnPostgres() throws SQLException {
            anAutoExecutedEntryIsWrittenWithItsDecisionOrNotAtAll(Dialect.POSTGRES, RestartLedger.postgres("auto"));
        }

        @Test
        void aStopLossExitIsWrittenWithItsDecisionOrNotAtAllOnPostgres() throws SQLException {
            aStopLossExitIsWrittenWithItsDecisionOrNotAtAll(Dialect.POSTGRES, RestartLedger.postgres("stop"));
        }
    }

    private static void aPendingProposalIsWrittenWithItsDecisionOrNotAtAll(Dialect dialect, RestartLedger ledger)
            throws SQLException {
        TradingEngine engine = engine(ledger);
        engine.proposals.configure(true, 10);

        dialect.failDecisions(ledger);
        engine.intake.storeAndEvaluate(Market.snapshot(Market.bullish("BTC", "60000")));
        assertEquals(0, count(ledger, "SELECT COUNT(*) FROM proposal"), "the decision failed: no proposal either");
        assertEquals(0, count(ledger, "SELECT COUNT(*) FROM decision"));
        assertTrue(engine.proposals.list(ProposalStatus.PENDING, 10).isEmpty(), "the engine waits for no proposal");

        dialect.allowDecisions(ledger);
        engine.decisions.resetCooldowns();
        engine.intake.storeAndEvaluate(Market.snapshot(Market.bullish("BTC", "60000")));
        assertEquals(1, count(ledger, "SELECT COUNT(*) FROM proposal WHERE status = 'PENDING'"));
        assertEquals(1, count(ledger, """
                SELECT COUNT(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id
                WHERE d.outcome = 'PROPOSED' AND p.coin = 'BTC'"""), "the proposal and its decision, together");
    }

    private static void anAutoExecutedEntryIsWrittenWithItsDecisionOrNotAtAll(Dialect dialect, RestartLedger ledger)
            throws SQLException {
        TradingEngine engine = engine(ledger);
        engine.proposals.configure(false, 1);

        dialect.failDecisions(ledger);
        engine.intake.storeAndEvaluate(Market.snapshot(Market.bullish("ETH", "3000")));
        assertEquals(0, count(ledger, "SELECT COUNT(*) FROM proposal"));
        assertEquals(0, count(ledger, "SELECT COUNT(*) FROM fill"), "nor its fill");
        assertEquals(0, count(ledger, "SELECT COUNT(*) FROM position"), "nor its position");
        assertEquals(0, count(ledger, "SELECT COUNT(*) FROM decision"));
        assertTrue(engine.trading.position("ETH").isEmpty());

        dialect.allowDecisions(ledger);
        engine.decisions.resetCooldowns();
        engine.intake.storeAndEvaluate(Market.snapshot(Market.bullish("ETH", "3000")));
        assertEquals(1, count(ledger, """
                SELECT COUNT(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id JOIN fill f ON f.proposal_id = p.id
                WHERE p.status = 'AUTO_EXECUTED' AND d.outcome = 'PROPOSED'"""), "proposal, decision and fill together");
        assertTrue(engine.trading.position("ETH").isPresent());
    }

    private static void aStopLossExitIsWrittenWithItsDecisionOrNotAtAll(Dialect dialect, RestartLedger ledger)
            throws SQLException {
        TradingEngine engine = engine(ledger);
        engine.proposals.configure(true, 10);
        engine.intake.storeAndEvaluate(Market.snapshot(Market.bullish("SOL", "150")));
        engine.proposals.confirm(engine.proposals.list(ProposalStatus.PENDING, 10).get(0), null);
        assertTrue(engine.trading.position("SOL").isPresent(), "a LONG SOL position, its stop 1.5 % below 150");

        dialect.failDecisions(ledger);
        engine.intake.storeAndEvaluate(Market.snapshot(Market.flat("SOL", "140")));
        assertTrue(engine.trading.position("SOL").isPresent(), "the stop's decision failed: the position stays open");
        assertEquals(1, count(ledger, "SELECT COUNT(*) FROM position WHERE coin = 'SOL'"));
        assertEquals(0, count(ledger, "SELECT COUNT(*) FROM proposal WHERE kind = 'EXIT'"), "no exit proposal");
        assertEquals(0, count(ledger, "SELECT COUNT(*) FROM fill WHERE kind = 'EXIT'"), "no exit fill");

        dialect.allowDecisions(ledger);
        engine.intake.storeAndEvaluate(Market.snapshot(Market.flat("SOL", "140")));
        assertTrue(engine.trading.position("SOL").isEmpty(), "stopped out");
        assertEquals(1, count(ledger, """
                SELECT COUNT(*) FROM decision d JOIN proposal p ON p.id = d.proposal_id JOIN fill f ON f.proposal_id = p.id
                WHERE p.kind = 'EXIT' AND d.outcome = 'STOP_LOSS'"""), "exit proposal, decision and fill together");
    }

    /** The rules engine on {@code ledger} (migrated), the edge gate off so that a bullish coin is proposed at once. */
    private static TradingEngine engine(RestartLedger ledger) {
        return Desk.rulesEngine(new Db(ledger.started()), false, UNGATED, Clock.systemUTC());
    }

    private static long count(RestartLedger ledger, String sql) throws SQLException {
        try (Connection c = ledger.open().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A trigger that refuses every INSERT into decision, in each dialect's SQL. */
    private enum Dialect {
        SQLITE("""
                CREATE TRIGGER fail_decision BEFORE INSERT ON decision
                BEGIN SELECT RAISE(ABORT, 'injected: the decision is not written'); END""",
                "DROP TRIGGER fail_decision"),
        POSTGRES("""
                CREATE OR REPLACE FUNCTION fail_decision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected: the decision is not written'; END $$;
                CREATE TRIGGER fail_decision BEFORE INSERT ON decision FOR EACH ROW EXECUTE FUNCTION fail_decision()""",
                "DROP TRIGGER fail_decision ON decision");

        private final String fail;
        private final String allow;

        Dialect(String fail, String allow) {
            this.fail = fail;
            this.allow = allow;
        }

        void failDecisions(RestartLedger ledger) throws SQLException {
            execute(ledger, fail);
        }

        void allowDecisions(RestartLedger ledger) throws SQLException {
            execute(ledger, allow);
        }

        private static void execute(RestartLedger ledger, String sql) throws SQLException {
            try (Connection c = ledger.open().getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
