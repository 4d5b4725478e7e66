package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.backtest.BacktestConfig;
import io.signaldesk.decision.engine.port.AnalyzerPort.ModelRecord;
import io.signaldesk.decision.engine.port.AnalyzerPort.Prompt;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.engine.ModelRecords.Kind;
import io.signaldesk.decision.support.Market;

/**
 * The model's record on a setup: its answers scored at the edge horizon (5 min here) in market time, after the 0.30 %
 * round trip (fee 0.1 % + slippage 0.05 %), sent as a snapshot refreshed every 10 min, kept in the ledger.
 */
class ModelRecordTest {

    private static final Instant T0 = Instant.parse("2024-10-01T00:00:00Z");
    private final ScratchLedger ledger = ScratchLedger.open();
    private final BacktestConfig settings = new BacktestConfig(Map.of("strategy.edge.horizon", "5m",
            "decision.model-record.refresh", "10m", "strategy.costs.fee-pct", "0.1",
            "strategy.costs.slippage-pct", "0.05"), new ModeSetting(Mode.AI, Policy.VETO), true, 1, null);
    private final StrategySettings strategy = settings.strategy();
    private final DecisionConfig config = settings.config(Map.of());

    /** An answer as the engine hears it, with the prompt it answered and its reason written. */
    static ModelRecords.Answer answer(Kind kind, String coin, String side, boolean acted) {
        Map<String, Object> decision = new java.util.LinkedHashMap<>();
        decision.put(kind == Kind.ENTRY ? "enter" : "action", kind == Kind.ENTRY ? acted : acted ? "HOLD" : "CLOSE");
        decision.put("confidence", 6);
        return new ModelRecords.Answer(kind, coin, side, acted, 6, "llama3.2:3b", decision,
                new Prompt("SYSTEM TEXT", kind + " " + side + " " + coin + " at 100\nCURRENT PRICES: " + coin + " 100"),
                java.util.concurrent.CompletableFuture.completedFuture("Momentum is weak."));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void scoresEachAnswerAtTheHorizonAfterCostsAndSendsTheRecordAtTheRefreshCadence() {
        EdgeService edge = new EdgeService(new EdgeRepository(ledger.db()), strategy, config.modelRecord(), c -> "binance", () -> "binance");
        ModelRecord fresh = edge.modelRecord(Kind.ENTRY, "BTC", "LONG", T0);
        assertEquals(new ModelRecord(5, 0, 0, 0, null, "", false), fresh);

        edge.modelAnswered(answer(Kind.ENTRY, "BTC", "LONG", true), new BigDecimal("100"), T0);
        edge.modelAnswered(answer(Kind.ENTRY, "BTC", "LONG", false), new BigDecimal("100"), T0.plusSeconds(60));
        edge.modelAnswered(answer(Kind.ENTRY, "BTC", "LONG", true), new BigDecimal("100.2"), T0.plusSeconds(120));
        edge.observe(Market.flat("BTC", "101"), T0.plus(Duration.ofMinutes(4)));
        assertEquals(fresh, edge.modelRecord(Kind.ENTRY, "BTC", "LONG", T0.plusSeconds(300)), "nothing due before 5 min");

        edge.observe(Market.flat("BTC", "101"), T0.plus(Duration.ofMinutes(7)));
        // entered at 100, +1 % its way less 0.30 %: right; skipped at 100 where entering earned +0.70 %: wrong;
        // entered at 100.2, +0.7984 % less 0.30 %: right
        assertEquals(fresh, edge.modelRecord(Kind.ENTRY, "BTC", "LONG", T0.plus(Duration.ofMinutes(9))),
                "the record sent stays the same until 10 min of market time have passed");
        ModelRecord refreshed = edge.modelRecord(Kind.ENTRY, "BTC", "LONG", T0.plus(Duration.ofMinutes(10)));
        assertEquals(new ModelRecord(5, 3, 2, 2, new BigDecimal("0.5992"), "RWR", false), refreshed);
        assertEquals(new ModelRecord(5, 0, 0, 0, null, "", false),
                edge.modelRecord(Kind.ENTRY, "BTC", "SHORT", T0.plus(Duration.ofMinutes(10))), "another setup");

        EdgeService restarted = new EdgeService(new EdgeRepository(ledger.db()), strategy, config.modelRecord(), c -> "binance", () -> "binance");
        assertEquals(refreshed, restarted.modelRecord(Kind.ENTRY, "BTC", "LONG", T0.plus(Duration.ofMinutes(11))),
                "read back from the ledger after a restart");
    }

    @Test
    void anExitIsRightWhenHoldingThenPaidOrClosingThenWouldNotHave() {
        EdgeService edge = new EdgeService(new EdgeRepository(ledger.db()), strategy, config.modelRecord(), c -> "binance", () -> "binance");
        edge.modelAnswered(answer(Kind.EXIT, "ETH", "SHORT", true), new BigDecimal("3000"), T0); // held a short
        edge.modelAnswered(answer(Kind.EXIT, "ETH", "SHORT", false), new BigDecimal("3000"), T0); // closed a short
        edge.observe(Market.flat("ETH", "2970"), T0.plus(Duration.ofMinutes(5)));

        ModelRecord record = edge.modelRecord(Kind.EXIT, "ETH", "SHORT", T0.plus(Duration.ofMinutes(5)));
        // the price fell 1 %: holding the short earned +1 % (no further cost), closing it gave that up
        assertEquals(new ModelRecord(5, 2, 1, 1, new BigDecimal("1.0000"), "RW", false), record);
    }

    @Test
    void keepsOnlyTheLastFiveOutcomesAndSendsNothingWhenSwitchedOff() {
        EdgeService edge = new EdgeService(new EdgeRepository(ledger.db()), strategy, config.modelRecord(), c -> "binance", () -> "binance");
        for (int i = 0; i < 7; i++) {
            edge.modelAnswered(answer(Kind.ENTRY, "SOL", "LONG", i % 3 == 0), new BigDecimal("100"), T0.plusSeconds(i));
        }
        edge.observe(Market.flat("SOL", "99"), T0.plus(Duration.ofMinutes(6)));
        ModelRecord record = edge.modelRecord(Kind.ENTRY, "SOL", "LONG", T0.plus(Duration.ofMinutes(6)));
        assertEquals(7, record.calls());
        assertEquals("RWRRW", record.last(), "entered (wrong) at 0, 3, 6; skipped (right) otherwise: the last five");
        assertFalse(record.measuredEdge());

        DecisionConfig off = new BacktestConfig(Map.of(), new ModeSetting(Mode.AI, Policy.VETO), true, 1, null)
                .config(Map.of("decision.model-record.enabled", "false"));
        assertNull(new EdgeService(new EdgeRepository(ledger.db()), strategy, off.modelRecord(), c -> "binance", () -> "binance").modelRecord(Kind.ENTRY, "SOL", "LONG", T0));
        assertTrue(record.netPct().signum() < 0);
    }

    @Test
    void eachScoredAnswerKeepsTheLessonVersionItWasAskedUnderForABeforeAndAfter() {
        EdgeService edge = new EdgeService(new EdgeRepository(ledger.db()), strategy, config.modelRecord(), c -> "binance", () -> "binance");
        edge.modelAnswered(asked(answer(Kind.ENTRY, "BTC", "LONG", true), null), new BigDecimal("100"), T0);
        edge.modelAnswered(asked(answer(Kind.ENTRY, "BTC", "LONG", true), 0), new BigDecimal("100"), T0.plusSeconds(10));
        edge.modelAnswered(asked(answer(Kind.ENTRY, "BTC", "LONG", false), 2), new BigDecimal("100"), T0.plusSeconds(20));
        edge.modelAnswered(asked(answer(Kind.ENTRY, "BTC", "LONG", true), 2), new BigDecimal("100"), T0.plusSeconds(30));
        edge.observe(Market.flat("BTC", "101"), T0.plus(Duration.ofMinutes(6)));

        // +1 % its way, less the 0.30 % round trip: +0.70 % for every entry; the skip was wrong
        var byVersion = new io.signaldesk.decision.ledger.LessonRepository(ledger.db()).byVersion(Duration.ofMinutes(5), "binance");
        assertEquals(java.util.List.of(
                new io.signaldesk.decision.ledger.LessonRepository.VersionRecord(null, 1, 1, 1, 0.7, null, null),
                new io.signaldesk.decision.ledger.LessonRepository.VersionRecord(0, 1, 1, 1, 0.7, null, null),
                new io.signaldesk.decision.ledger.LessonRepository.VersionRecord(2, 2, 1, 1, 0.7, null, null)), byVersion);
    }

    /** The answer as if its prompt said which lesson version the system message carried. */
    private static ModelRecords.Answer asked(ModelRecords.Answer a, Integer lessonVersion) {
        return new ModelRecords.Answer(a.kind(), a.coin(), a.side(), a.acted(), a.confidence(), a.model(), a.decision(),
                new Prompt(a.prompt().system(), a.prompt().user(), lessonVersion), a.reasonLater());
    }
}
