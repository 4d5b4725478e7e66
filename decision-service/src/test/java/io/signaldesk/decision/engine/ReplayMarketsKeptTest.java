package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.backtest.BacktestConfig;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.engine.ModelRecords.Kind;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Market;

/**
 * Every replay run is a market of its own (replay#&lt;run&gt;): the probes' pace and counts and the model's setups are
 * kept in memory for the latest {@link ReplayMarkets#KEPT} replay runs used, not one more market a run for as long as
 * the service runs; the desk's venue and the simulator are always kept, and so is their record. Also after a restart,
 * when the ledger's probes and answers of ten runs are read back.
 */
class ReplayMarketsKeptTest {

    private static final Instant T0 = Instant.parse("2024-10-01T00:00:00Z");
    private final ScratchLedger ledger = ScratchLedger.open();
    private final BacktestConfig settings = new BacktestConfig(Map.of("strategy.edge.horizon", "5m",
            "decision.model-record.refresh", "1m", "strategy.costs.fee-pct", "0.1", "strategy.costs.slippage-pct", "0.05"),
            new ModeSetting(Mode.AI, Policy.VETO), true, 1, null);
    private final DecisionConfig config = settings.config(Map.of());
    private final StrategySettings strategy = gated(settings.strategy());
    private final AtomicReference<String> feed = new AtomicReference<>("binance");

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void onlyTheLatestReplayRunsMarketsAreKeptBesideTheVenuesAndTheSimulators() {
        EdgeService edge = edge();
        used(edge, "binance", T0);
        used(edge, "simulator", T0);
        for (int run = 0; run < 10; run++) {
            used(edge, "replay#run" + run, T0.plus(Duration.ofMinutes(10L * run)));
        }

        Set<String> kept = Set.of("binance", "simulator", "replay#run6", "replay#run7", "replay#run8", "replay#run9");
        assertEquals(kept, edge.probeAndAnswerMarkets());
        assertEquals(1, edge.modelRecord(Kind.ENTRY, "BTC", "LONG", T0.plus(Duration.ofDays(1))).calls(),
                "the desk's record is still there");

        // a restart reads the ten runs' probes and answers back: still the latest runs only
        Set<String> afterRestart = edge().probeAndAnswerMarkets();
        assertTrue(afterRestart.containsAll(Set.of("binance", "simulator")), afterRestart.toString());
        assertEquals(ReplayMarkets.KEPT, afterRestart.stream().filter(m -> m.startsWith("replay#")).count(),
                afterRestart.toString());
    }

    /** {@code market} used as the desk's: a BTC probe asked, a BTC entry answered and scored, its record asked. */
    private void used(EdgeService edge, String market, Instant at) {
        feed.set(market);
        assertTrue(edge.probeDue(Market.flat("BTC", "100"), DecisionSource.AI.label(), Direction.LONG, at).isPresent());
        edge.modelAnswered(ModelRecordTest.answer(Kind.ENTRY, "BTC", "LONG", true), new BigDecimal("100"), at, market);
        edge.observe(Market.flat("BTC", "101"), at.plus(Duration.ofMinutes(6)));
        edge.modelRecord(Kind.ENTRY, "BTC", "LONG", at.plus(Duration.ofMinutes(6)));
    }

    private EdgeService edge() {
        return new EdgeService(new EdgeRepository(ledger.db()), strategy, config.modelRecord(), coin -> feed.get(),
                feed::get);
    }

    private static StrategySettings gated(StrategySettings s) {
        StrategySettings.Edge e = s.edge();
        return s.withEdge(new StrategySettings.Edge(EdgeGate.GATE, e.judge(), e.horizon(), e.regimeWindow(),
                Duration.ofMinutes(5)));
    }
}
