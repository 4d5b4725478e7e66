package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.decision.backtest.BacktestConfig;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.engine.ModelRecords.Kind;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.AnalyzerPort.ShadowAnswer;
import io.signaldesk.decision.engine.port.EdgeStore;
import io.signaldesk.decision.engine.port.EdgeStore.AnswerFilter;
import io.signaldesk.decision.engine.port.EdgeStore.ArenaRow;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Market;

/**
 * A probe's answer (the model in use asked on idle time about a setup the edge gate shut) is one of the model's answers
 * on that setup, labelled: scored at the edge horizon (5 min) after the 0.30 % round trip as model_answer role PROBE,
 * it counts in the setup's RECORD (before and after a restart) and is the arena's "probes" row; it is no training
 * example, since no prompt as sent nor reason comes back with it.
 */
class ProbeAnswersTest {

    private static final Instant T0 = Instant.parse("2024-10-01T00:00:00Z");
    private final ScratchLedger ledger = ScratchLedger.open();
    private final BacktestConfig settings = new BacktestConfig(Map.of("strategy.edge.horizon", "5m",
            "decision.model-record.refresh", "1m", "strategy.costs.fee-pct", "0.1", "strategy.costs.slippage-pct", "0.05"),
            new ModeSetting(Mode.AI, Policy.VETO), true, 1, null);
    private final DecisionConfig config = settings.config(Map.of());
    private final StrategySettings strategy = gated(settings.strategy());

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aProbesAnswerCountsInTheSetupsRecordAndTheArenaLabelledAsAProbeButIsNoTrainingExample() {
        EdgeService edge = edge();
        edge.modelAnswered(ModelRecordTest.answer(Kind.ENTRY, "BTC", "LONG", true), new BigDecimal("100"), T0);
        edge.modelAnswered(ModelRecords.Answer.probe("BTC", "LONG", false, 4, "llama3.2:3b"), new BigDecimal("100"),
                T0.plusSeconds(30));
        edge.observe(Market.flat("BTC", "101"), T0.plus(Duration.ofMinutes(6)));

        // +1 % its way less the 0.30 % round trip: the live entry was right, the probe's skip wrong
        AnalyzerPort.ModelRecord record = edge.modelRecord(Kind.ENTRY, "BTC", "LONG", T0.plus(Duration.ofMinutes(6)));
        assertEquals(new AnalyzerPort.ModelRecord(5, 2, 1, 1, new BigDecimal("0.7000"), "RW", false), record);
        assertEquals(record, edge().modelRecord(Kind.ENTRY, "BTC", "LONG", T0.plus(Duration.ofMinutes(6))),
                "read back from the ledger after a restart, the probe included");

        Map<String, ArenaRow> byRole = byRole(edge.arena(null).rows());
        assertEquals(new ArenaRow(EdgeStore.PROBE, "llama3.2:3b", null, 1, 0, 0, 0, 0), byRole.get(EdgeStore.PROBE));
        assertEquals(1, byRole.get(EdgeStore.PRIMARY).calls());

        List<EdgeStore.ScoredAnswer> examples = edge.answersWithPrompts(new AnswerFilter(null, null, null, null, 100, "binance"));
        assertEquals(1, examples.size(), "the probe came back without its prompt: no example");
        assertEquals(T0, examples.get(0).answeredAt());
    }

    @Test
    void aProbeAnsweredAfterALaterQuestionIsScoredAtItsOwnHorizon() {
        EdgeService edge = edge();
        edge.modelAnswered(ModelRecordTest.answer(Kind.ENTRY, "BTC", "LONG", true), new BigDecimal("100"),
                T0.plusSeconds(90));
        // asked at T0 on idle time, its answer heard after the live question of T0+90s
        edge.modelAnswered(ModelRecords.Answer.probe("BTC", "LONG", true, 7, "llama3.2:3b"), new BigDecimal("100"), T0);
        edge.observe(Market.flat("BTC", "101"), T0.plus(Duration.ofMinutes(5)));

        Map<String, ArenaRow> byRole = byRole(edge.arena(null).rows());
        assertEquals(1, byRole.get(EdgeStore.PROBE).calls(), "the probe's horizon has passed: scored");
        assertEquals(null, byRole.get(EdgeStore.PRIMARY), "the live answer's has not");
    }

    @Test
    void everyAnsweredProbeIsScoredAsTheModelsAnswerEnteredOrNot() {
        EdgeService edge = edge();
        CoinSnapshot sol = Market.bullish("SOL", "150");
        AnalyzerPort declines = new AnalyzerPort() {
            @Override
            public io.signaldesk.decision.engine.port.AiAnswer<AnalyzerPort.EntryResult> entry(AnalyzerPort.EntryRequest request) {
                throw new AssertionError("a gated setup is not asked live");
            }

            @Override
            public io.signaldesk.decision.engine.port.AiAnswer<AnalyzerPort.ExitResult> exit(AnalyzerPort.ExitRequest request) {
                throw new AssertionError("no position here");
            }

            @Override
            public CompletionStage<ShadowAnswer> probeEntry(AnalyzerPort.EntryRequest request) {
                return CompletableFuture.completedFuture(new ShadowAnswer("ANSWERED", "llama3.2:3b", false, 3, null));
            }
        };
        new ModelProbes(declines, edge).askIfDue(sol, PositionSide.LONG, new ModeSetting(Mode.AI, Policy.VETO),
                DecisionSource.AI, 6, true, T0);
        edge.observe(Market.flat("SOL", "148"), T0.plus(Duration.ofMinutes(5)));

        // the model skipped; SOL fell: skipping was right, and nothing was kept for the gate (it would not have called it)
        assertEquals(new ArenaRow(EdgeStore.PROBE, "llama3.2:3b", null, 1, 1, 0, 0, 0),
                byRole(edge.arena(null).rows()).get(EdgeStore.PROBE));
        assertEquals(new AnalyzerPort.ModelRecord(5, 1, 1, 0, null, "R", false),
                edge.modelRecord(Kind.ENTRY, "SOL", "LONG", T0.plus(Duration.ofMinutes(5))));
        assertTrue(edge.scored().isEmpty());
    }

    @Test
    void aProbeAskedOnTheSimulatorAndAnsweredAfterTheFeedSwitchedIsNotScoredOnBinance() {
        java.util.concurrent.atomic.AtomicReference<String> feed = new java.util.concurrent.atomic.AtomicReference<>(
                "simulator");
        EdgeService edge = new EdgeService(new EdgeRepository(ledger.db()), strategy, config.modelRecord(),
                coin -> feed.get(), feed::get);
        CompletableFuture<ShadowAnswer> later = new CompletableFuture<>();
        AnalyzerPort idle = new AnalyzerPort() {
            @Override
            public io.signaldesk.decision.engine.port.AiAnswer<AnalyzerPort.EntryResult> entry(AnalyzerPort.EntryRequest request) {
                throw new AssertionError("a gated setup is not asked live");
            }

            @Override
            public io.signaldesk.decision.engine.port.AiAnswer<AnalyzerPort.ExitResult> exit(AnalyzerPort.ExitRequest request) {
                throw new AssertionError("no position here");
            }

            @Override
            public CompletionStage<ShadowAnswer> probeEntry(AnalyzerPort.EntryRequest request) {
                return later;
            }
        };
        new ModelProbes(idle, edge).askIfDue(Market.bullish("SOL", "150"), PositionSide.LONG,
                new ModeSetting(Mode.AI, Policy.VETO), DecisionSource.AI, 6, true, T0);
        // the feed switches to Binance before the model's idle-time answer comes back
        feed.set("binance");
        later.complete(new ShadowAnswer("ANSWERED", "llama3.2:3b", true, 7, null));
        edge.observe(Market.flat("SOL", "233.41"), T0.plus(Duration.ofMinutes(5)));

        assertEquals(List.of(), edge.arena(null).rows(), "made-up 150 is not priced at Binance's 233.41");
        assertEquals(new AnalyzerPort.ModelRecord(5, 0, 0, 0, null, "", false),
                edge.modelRecord(Kind.ENTRY, "SOL", "LONG", T0.plus(Duration.ofMinutes(5))));
        assertTrue(edge.scored().isEmpty(), "nor kept for Binance's gate");
    }

    private EdgeService edge() {
        return new EdgeService(new EdgeRepository(ledger.db()), strategy, config.modelRecord(), coin -> "binance",
                () -> "binance");
    }

    private static Map<String, ArenaRow> byRole(List<ArenaRow> rows) {
        Map<String, ArenaRow> out = new java.util.HashMap<>();
        rows.stream().filter(r -> r.pairedWith() == null).forEach(r -> out.put(r.role(), r));
        return out;
    }

    private static StrategySettings gated(StrategySettings s) {
        StrategySettings.Edge e = s.edge();
        return s.withEdge(new StrategySettings.Edge(EdgeGate.GATE, e.judge(), e.horizon(), e.regimeWindow(),
                Duration.ofMinutes(5)));
    }
}
