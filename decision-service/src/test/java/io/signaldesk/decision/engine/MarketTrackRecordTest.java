package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.backtest.BacktestConfig;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Market;

/**
 * The edge gate's track record is kept per market (FeedIdentity.market): 40 LONG calls on the simulator, each +1 % its
 * way at the 5-minute horizon (the round trip 0.30 %), prove the setup there and never on a Binance feed, also after a
 * restart; calls scored before markets were recorded are kept under "market not recorded" and read by no gate.
 */
class MarketTrackRecordTest {

    private static final Instant T0 = Instant.parse("2024-10-01T00:00:00Z");
    private final ScratchLedger ledger = ScratchLedger.open();
    private final BacktestConfig settings = new BacktestConfig(Map.of("strategy.edge.horizon", "5m",
            "strategy.edge.mode", "gate", "strategy.costs.fee-pct", "0.1", "strategy.costs.slippage-pct", "0.05"),
            new ModeSetting(Mode.RULES, Policy.VETO), true, 1, null);
    private final StrategySettings strategy = settings.strategy();
    private final DecisionConfig config = settings.config(Map.of());
    /** The market the desk's feed says it is of, as FeedStateService knows it from the frames. */
    private final AtomicReference<String> feed = new AtomicReference<>("simulator");

    @AfterEach
    void close() {
        ledger.close();
    }

    private EdgeService edge() {
        return new EdgeService(new EdgeRepository(ledger.db()), strategy, config.modelRecord(), coin -> feed.get(),
                feed::get);
    }

    /** 40 LONG calls on BTC at 100 (confidence 8), scored at 101 five minutes later: +1 % each. */
    private static void provenLong(EdgeService edge) {
        for (int i = 0; i < 40; i++) {
            edge.call(Market.bullish("BTC", "100"), "RULES", Direction.LONG, 8, T0.plusSeconds(i));
        }
        edge.observe(Market.flat("BTC", "101"), T0.plus(Duration.ofMinutes(6)));
    }

    @Test
    void outcomesOnTheSimulatorNeverOpenTheGateOnABinanceFeed() {
        EdgeService edge = edge();
        provenLong(edge);
        assertTrue(edge.wouldPropose(Market.bullish("BTC", "101"), "RULES", Direction.LONG, 8), "proven on the simulator");

        feed.set("binance");
        assertFalse(edge.wouldPropose(Market.bullish("BTC", "101"), "RULES", Direction.LONG, 8),
                "the simulator's record does not open the gate on Binance");
        assertEquals(0, edge.estimateNow("BTC", "RULES", Direction.LONG, 8).scored());
        Map<String, Object> status = edge.status();
        assertEquals("binance", status.get("market"));
        assertEquals(0L, status.get("scoredCalls"));
        assertEquals(Map.of("binance", 0L, "simulator", 40L), status.get("markets"));
        assertEquals(40L, edge.status("simulator").get("scoredCalls"), "the simulator's record is still there to read");
    }

    @Test
    void aRestartKeepsEachMarketsRecordAndCallsFromBeforeMarketsWereRecordedOpenNoGate() {
        provenLong(edge());
        // rows an older service wrote (no market): 40 proven-looking SOL calls
        ledger.db().inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (int i = 0; i < 40; i++) {
                    s.executeUpdate("INSERT INTO edge_outcome (coin, source, direction, bucket, regime, called_at,"
                        + " horizon_seconds, move_pct, origin) VALUES ('SOL', 'RULES', 'LONG', '7-10', 'UNKNOWN',"
                            + " '2024-09-30T00:00:" + String.format("%02d", i) + "Z', 300, '1.0000', 'LIVE')");
                }
            }
            return null;
        });

        feed.set("binance");
        EdgeService restarted = edge();
        assertFalse(restarted.wouldPropose(Market.bullish("BTC", "101"), "RULES", Direction.LONG, 8));
        assertFalse(restarted.wouldPropose(Market.bullish("SOL", "150"), "RULES", Direction.LONG, 8),
                "a call without a market opens no gate");
        assertEquals(40L, restarted.status(EdgeService.NOT_RECORDED).get("scoredCalls"));

        feed.set("simulator");
        assertTrue(edge().wouldPropose(Market.bullish("BTC", "101"), "RULES", Direction.LONG, 8),
                "the simulator's record read back from the ledger");
    }

    @Test
    void aCallWaitingForItsHorizonWhenTheFeedSwitchesIsNotPricedOnTheOtherMarket() {
        EdgeService edge = edge();
        edge.call(Market.bullish("BTC", "100"), "RULES", Direction.LONG, 8, T0);
        feed.set("binance");
        edge.observe(Market.flat("BTC", "97000"), T0.plus(Duration.ofMinutes(6)));
        assertEquals(0L, edge.status().get("scoredCalls"));
        assertEquals(0L, edge.status("simulator").get("scoredCalls"));
        assertEquals(0L, edge.status().get("pendingCalls"));
    }

    @Test
    void whatTheGateReadAtACallIsNotShownOnceTheCoinIsPricedOnAnotherMarket() {
        EdgeService edge = edge();
        edge.call(Market.bullish("BTC", "100"), "RULES", Direction.LONG, 8, T0);
        assertTrue(edge.lastCall("BTC", "RULES", Direction.LONG).isPresent());
        assertEquals("simulator", edge.marketOf("BTC"));
        feed.set("binance");
        assertTrue(edge.lastCall("BTC", "RULES", Direction.LONG).isEmpty(), "judged on the simulator's record");
        assertEquals("binance", edge.marketOf("BTC"));
    }

    @Test
    void aSeedCountsForTheMarketOfItsDataOnly() {
        feed.set("binance");
        EdgeService edge = edge();
        var setup = io.signaldesk.core.edge.SetupKey.of("ETH", "RULES", Direction.LONG, 8,
                io.signaldesk.core.edge.VolatilityRegime.UNKNOWN);
        java.util.List<io.signaldesk.decision.engine.port.EdgeStore.ScoredCall> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(new io.signaldesk.decision.engine.port.EdgeStore.ScoredCall(setup, T0.plusSeconds(60L * i),
                    Duration.ofMinutes(5), new BigDecimal("1.0"), "backtest#run"));
        }
        assertEquals(40, edge.seed(calls, EdgeService.SEED_UNKNOWN));
        assertFalse(edge.wouldPropose(Market.bullish("ETH", "3000"), "RULES", Direction.LONG, 8),
                "data of no known market opens no gate, not even the desk's");
        feed.set("simulator");
        assertEquals(40, edge.seed(calls, "simulator"));
        assertTrue(edge.wouldPropose(Market.bullish("ETH", "3000"), "RULES", Direction.LONG, 8),
                "a simulator capture's calls: the simulator's record");
        feed.set("binance");
        assertFalse(edge.wouldPropose(Market.bullish("ETH", "3000"), "RULES", Direction.LONG, 8),
                "Binance's gate is not opened by the simulator's made-up prices");
        assertEquals(40, edge.seed(calls, "binance"));
        assertTrue(edge.wouldPropose(Market.bullish("ETH", "3000"), "RULES", Direction.LONG, 8), "Binance's own history");
        feed.set("simulator");
        assertTrue(edge().wouldPropose(Market.bullish("ETH", "3000"), "RULES", Direction.LONG, 8),
                "the simulator's own seed, read back after a restart");
    }

    @Test
    void theVolatilityWindowStartsAgainWhenTheFeedSwitchesMarket() {
        EdgeService edge = edge();
        // the simulator's made-up BTC near 60,000, calm: 0.05 % over a minute
        edge.observe(Market.flat("BTC", "60000"), T0);
        edge.observe(Market.flat("BTC", "60030"), T0.plusSeconds(60));
        assertEquals(io.signaldesk.core.edge.VolatilityRegime.CALM, edge.regime("BTC"));

        feed.set("binance");
        edge.observe(Market.flat("BTC", "97210.5"), T0.plusSeconds(70));
        assertEquals(io.signaldesk.core.edge.VolatilityRegime.UNKNOWN, edge.regime("BTC"),
                "one Binance mark is no window: the gap from the simulator's 60,000 is not a move");
        assertEquals(io.signaldesk.core.edge.VolatilityRegime.UNKNOWN,
                edge.call(Market.bullish("BTC", "97210.5"), "RULES", Direction.LONG, 8, T0.plusSeconds(71)).setup()
                        .regime(), "a call right after the switch is judged in no regime, not an active one");
        edge.observe(Market.flat("BTC", "97250.1"), T0.plusSeconds(130));
        assertEquals(io.signaldesk.core.edge.VolatilityRegime.CALM, edge.regime("BTC"), "Binance's own marks: calm");
    }
}
