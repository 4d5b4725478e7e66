package io.signaldesk.decision.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.backtest.EngineKit;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.ledger.LedgerRepository;
import io.signaldesk.decision.ledger.ProposalRepository;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.PostgresServer;
import io.signaldesk.decision.support.RestartLedger;

/**
 * The live evaluation counts the paper trades filled on one market's prices, read from the ledger by market: one
 * Binance round trip on BTC (97,000 to 97,500) is still the desk's trade after 5,002 newer simulator fills (2,501
 * made-up SOL round trips), more than the newest {@link LiveEvaluationService#TRADES} fills read. The ledger's read by
 * market on PostgreSQL too, when installed.
 */
class LiveEvaluationMarketTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final ScratchLedger ledger = ScratchLedger.open();
    private final DecisionConfig config = Desk.config(Map.of());
    private final StrategySettings strategy = StrategySettings.DEFAULTS;
    private final Clock clock = Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
    private final EngineKit kit = new EngineKit(config, strategy, clock, ledger, AnalyzerPort.NONE);

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aMarketsTradesAreReadByMarketNotPushedOutByAnotherMarketsNewerFills() {
        filled(ledger.db(), "bn", "BTC", "binance", 0, "97000.00", "97500.00", "4.50");
        for (int i = 0; i < 2501; i++) {
            filled(ledger.db(), "sim" + i, "SOL", "simulator", 20 + i, "150.00", "150.30", "0.02");
        }
        kit.market.accept(Market.snapshot(new FeedIdentity("binance", "bbbb2222", "binance"), Market.flat("BTC", "97500")));
        LiveEvaluationService live = new LiveEvaluationService(kit.scoring, kit.trading, kit.proposals, config,
                strategy.costs(), clock);

        assertEquals(1, live.evaluation().overall().expectancy().trades(), "the desk's Binance round trip");
        assertEquals(1, live.evaluation("binance").overall().expectancy().trades());
        assertEquals(LiveEvaluationService.TRADES / 2, live.evaluation("simulator").overall().expectancy().trades(),
                "the simulator's newest 5,000 fills: 2,500 round trips");
        assertEquals(0, live.evaluation("market not recorded").overall().expectancy().trades());
    }

    @Test
    void marketsWithNoCallsNorFillsAreAnsweredEmptyAndNotKeptSoTheDesksFiguresStay() {
        filled(ledger.db(), "bn", "BTC", "binance", 0, "97000.00", "97500.00", "4.50");
        filled(ledger.db(), "sim", "SOL", "simulator", 20, "150.00", "150.30", "0.02");
        kit.market.accept(Market.snapshot(new FeedIdentity("binance", "bbbb2222", "binance"), Market.flat("BTC", "97500")));
        LiveEvaluationService live = new LiveEvaluationService(kit.scoring, kit.trading, kit.proposals, config,
                strategy.costs(), clock);
        live.evaluation();
        live.evaluation("simulator");

        for (int i = 0; i < LiveEvaluationService.MARKETS; i++) {
            assertEquals(0, live.evaluation("made-up-" + i).overall().expectancy().trades());
        }

        assertEquals(java.util.List.of("binance", "simulator"), live.keptMarkets(),
                "the desk's and the simulator's figures are kept; no made-up name is");
    }

    @Nested
    @ExtendWith(PostgresServer.Available.class)
    class OnPostgres {

        @Test
        void theLedgerReadsTheNewestFillsOfOneMarketOnPostgres() {
            Db db = new Db(RestartLedger.postgres("fillsmarket").started());
            filled(db, "bn", "BTC", "binance", 0, "97000.00", "97500.00", "4.50");
            for (int i = 0; i < 3; i++) {
                filled(db, "sim" + i, "SOL", "simulator", 20 + i, "150.00", "150.30", "0.02");
            }
            LedgerRepository fills = new LedgerRepository(db, new ProposalRepository(db));
            assertEquals(java.util.List.of("bn-exit", "bn-entry"),
                    fills.fillsOn("binance", 3).stream().map(f -> f.proposalId()).toList(), "newest first");
            assertEquals(java.util.List.of("sim2-exit", "sim2-entry", "sim1-exit"),
                    fills.fillsOn("simulator", 3).stream().map(f -> f.proposalId()).toList());
            assertEquals(java.util.List.of(), fills.fillsOn("market not recorded", 3));
        }
    }

    /** A LONG round trip on {@code market}: an entry at {@code entry}, its exit a minute later, as the ledger keeps them. */
    private static void filled(Db db, String id, String coin, String market, int minute, String entry, String exit,
            String pnl) {
        Instant at = T0.plusSeconds(60L * minute);
        db.inTransaction(c -> {
            for (String kind : new String[] { "ENTRY", "EXIT" }) {
                String proposal = id + "-" + kind.toLowerCase(java.util.Locale.ROOT);
                Instant when = kind.equals("ENTRY") ? at : at.plusSeconds(60);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO proposal (id, kind, coin, side, size, price, confidence, stop_loss_pct, source, mode,
                            status, created_at, expires_at, decided_at) VALUES (?, ?, ?, 'LONG', '0.0100', ?, 7, '1.5',
                            'RULES', 'RULES', 'CONFIRMED', ?, ?, ?)""")) {
                    s.setString(1, proposal);
                    s.setString(2, kind);
                    s.setString(3, coin);
                    s.setString(4, kind.equals("ENTRY") ? entry : exit);
                    s.setString(5, when.toString());
                    s.setString(6, when.plusSeconds(60).toString());
                    s.setString(7, when.toString());
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO fill (proposal_id, kind, coin, side, qty, price, fee, realized_pnl, reason, at,
                            feed_market, feed_source, venue) VALUES (?, ?, ?, 'LONG', '0.0100', ?, '0.97', ?, 'confirmed',
                            ?, ?, ?, ?)""")) {
                    s.setString(1, proposal);
                    s.setString(2, kind);
                    s.setString(3, coin);
                    s.setString(4, kind.equals("ENTRY") ? entry : exit);
                    s.setString(5, kind.equals("ENTRY") ? "0" : pnl);
                    s.setString(6, when.toString());
                    s.setString(7, market);
                    s.setString(8, market);
                    s.setString(9, market.equals("binance") ? "BINANCE" : "SIMULATOR");
                    s.executeUpdate();
                }
            }
            return null;
        });
    }
}
