package io.signaldesk.decision.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.TradingEngine;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/**
 * What the engine reads from the ledger to evaluate one coin (issue 22: the hot path must not re-read what the
 * engine already knows). The live engine on a JDBC ledger whose every query is counted: a coin with a pending entry
 * proposal, a flat one, one with an open position. Before the engine kept its open positions and pending proposals
 * (engine/OpenBook), these were 1.00, 3.00 and 1.05 queries per evaluated coin; on a shared (PostgreSQL) ledger
 * they still are.
 */
class EngineLedgerReadsTest {

    private static final int FRAMES = 20;

    private Connection connection;
    private final AtomicInteger reads = new AtomicInteger();
    private TradingEngine engine;

    @BeforeEach
    void engineOnACountedLedger() throws SQLException {
        engine = engine(false);
    }

    private TradingEngine engine(boolean shared) throws SQLException {
        connection = new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new Properties());
        CountingSource source = new CountingSource(connection, reads);
        Flyway.configure().dataSource(source).locations("classpath:db/sqlite", "classpath:db/migration").load().migrate();
        TradingEngine engine = Desk.rulesEngine(new Db(source), shared,
                StrategySettings.DEFAULTS.withEdge(StrategySettings.Edge.DEFAULTS.withMode(EdgeGate.OFF)), Clock.systemUTC());
        engine.proposals.configure(true, 10);
        return engine;
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void evaluatingACoinReadsNothingTheEngineKnowsAlready() {
        double[] reads = readsPerEvaluatedCoin();
        assertTrue(reads[0] <= 2.0 / FRAMES, "one load of the pending proposals after the entry was written: " + reads[0]);
        assertEquals(0.0, reads[1], "a flat coin");
        assertEquals(0.0, reads[2], "a coin with an open position");
    }

    @Test
    void aSharedLedgerIsReadOnEveryEvaluation() throws SQLException {
        connection.close();
        reads.set(0);
        engine = engine(true);
        double[] reads = readsPerEvaluatedCoin();
        assertTrue(reads[1] >= 2.0, "a flat coin: its position and the pending proposals, each time: " + reads[1]);
    }

    @Test
    void whatTheEngineWritesItSeesAtOnce() {
        engine.intake.storeAndEvaluate(Market.snapshot(Market.bullish("BTC", "60000")));
        Proposal entry = engine.proposals.list(ProposalStatus.PENDING, 10).get(0);
        assertTrue(engine.proposals.hasPending("BTC", ProposalKind.ENTRY));
        engine.proposals.reject(entry);
        assertTrue(!engine.proposals.hasPending("BTC", ProposalKind.ENTRY), "rejected: no longer pending");

        engine.decisions.resetCooldowns();
        engine.intake.storeAndEvaluate(Market.snapshot(Market.bullish("BTC", "60000")));
        engine.proposals.confirm(engine.proposals.list(ProposalStatus.PENDING, 10).get(0), null);
        assertTrue(engine.trading.position("BTC").isPresent(), "confirmed: the position is open");
        Db fresh = new Db(new CountingSource(connection, new AtomicInteger()));
        assertEquals(new LedgerRepository(fresh, new ProposalRepository(fresh)).positions(), engine.trading.positions(),
                "the engine's open positions are the ledger's");
        assertTrue(!engine.proposals.hasPending("BTC", ProposalKind.ENTRY));

        engine.decisions.checkExit(engine.trading.position("BTC").orElseThrow(), Market.bearish("BTC", "60000"), "test");
        Proposal exit = engine.proposals.list(ProposalStatus.PENDING, 10).get(0);
        assertTrue(engine.proposals.hasPending("BTC", ProposalKind.EXIT));
        engine.proposals.confirm(exit, null);
        assertTrue(engine.trading.position("BTC").isEmpty(), "the exit closed it");
        assertTrue(!engine.proposals.hasPending("BTC", ProposalKind.EXIT));
    }

    /** Reads per evaluation of a coin with a pending entry, a flat coin and a coin with an open position. */
    private double[] readsPerEvaluatedCoin() {
        // SOL: an entry proposed and confirmed, so SOL holds an open position
        engine.intake.storeAndEvaluate(Market.snapshot(Market.bullish("SOL", "150")));
        Proposal sol = engine.proposals.list(ProposalStatus.PENDING, 10).get(0);
        engine.proposals.confirm(sol, null);
        assertTrue(engine.trading.position("SOL").isPresent());
        // BTC: an entry proposed and left pending
        engine.intake.storeAndEvaluate(Market.snapshot(Market.bullish("BTC", "60000")));
        assertTrue(engine.proposals.hasPending("BTC", ProposalKind.ENTRY));

        double pending = readsPerFrame(Market.bullish("BTC", "60000"));
        double flat = readsPerFrame(Market.flat("ETH", "3000"));
        double open = readsPerFrame(Market.flat("SOL", "150"));
        System.out.printf("SQL reads per evaluated coin: %.2f with a pending entry, %.2f flat, %.2f with an open position "
                + "(%d frames each)%n", pending, flat, open, FRAMES);
        assertEquals(1, engine.proposals.list(ProposalStatus.PENDING, 10).size(), "BTC's entry still waits");
        assertTrue(engine.trading.position("SOL").isPresent(), "SOL's position is still open");
        return new double[] { pending, flat, open };
    }

    /** The ledger's queries per evaluation of {@code coin}, over {@link #FRAMES} frames of it alone. */
    private double readsPerFrame(io.signaldesk.core.market.CoinSnapshot coin) {
        reads.set(0);
        for (int i = 0; i < FRAMES; i++) {
            engine.intake.storeAndEvaluate(Market.snapshot(coin));
        }
        return reads.get() / (double) FRAMES;
    }

    /** One connection for all (the in-memory database lives on it); every query it runs is counted. */
    private record CountingSource(Connection connection, AtomicInteger reads) implements javax.sql.DataSource {

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        Object result = forward(connection, method, args);
                        return result instanceof PreparedStatement statement ? counted(statement) : result;
                    });
        }

        private PreparedStatement counted(PreparedStatement statement) {
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] { PreparedStatement.class }, (proxy, method, args) -> {
                        if (method.getName().equals("executeQuery")) {
                            reads.incrementAndGet();
                        }
                        return forward(statement, method, args);
                    });
        }

        private static Object forward(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
