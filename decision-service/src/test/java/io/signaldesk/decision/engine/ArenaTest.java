package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.decision.backtest.BacktestConfig;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.engine.ModelRecords.Kind;
import io.signaldesk.decision.engine.port.AnalyzerPort.ModelRecord;
import io.signaldesk.decision.engine.port.AnalyzerPort.ShadowAnswer;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Market;

/**
 * The arena: the shadow model's answers scored exactly as the model in use's (the same question, price, horizon mark
 * and 0.30 % round trip), kept apart from the model's own record, and shown side by side with intervals.
 */
class ArenaTest {

    private static final Instant T0 = Instant.parse("2024-10-01T00:00:00Z");
    private final ScratchLedger ledger = ScratchLedger.open();
    private final BacktestConfig settings = new BacktestConfig(Map.of("strategy.edge.horizon", "5m",
            "decision.model-record.refresh", "1m", "strategy.costs.fee-pct", "0.1",
            "strategy.costs.slippage-pct", "0.05"), new ModeSetting(Mode.AI, Policy.VETO), true, 1, null);
    private final DecisionConfig config = settings.config(Map.of());

    @AfterEach
    void close() {
        ledger.close();
    }

    private static ModelRecords.Answer withShadow(boolean primaryEnters, ShadowAnswer shadow) {
        ModelRecords.Answer a = ModelRecordTest.answer(Kind.ENTRY, "BTC", "LONG", primaryEnters);
        return new ModelRecords.Answer(a.kind(), a.coin(), a.side(), a.acted(), a.confidence(), a.model(), a.decision(),
                a.prompt(), a.reasonLater(), CompletableFuture.completedFuture(shadow));
    }

    @Test
    void scoresTheShadowAtTheSamePriceHorizonAndCostsAndKeepsItOutOfTheModelsRecord() {
        EdgeService edge = new EdgeService(new EdgeRepository(ledger.db()), settings.strategy(), config.modelRecord(), c -> "binance",
                () -> "binance");
        // at 100: the model in use enters, the shadow skips; the price is 101 at the horizon: entering earned +0.70 %
        edge.modelAnswered(withShadow(true, new ShadowAnswer("ANSWERED", "phi3:mini", false, 6, null)),
                new BigDecimal("100"), T0);
        // at 100: both enter; a shadow that was skipped is not scored
        edge.modelAnswered(withShadow(true, new ShadowAnswer("ANSWERED", "phi3:mini", true, 8, null)),
                new BigDecimal("100"), T0.plusSeconds(1));
        edge.modelAnswered(withShadow(false, new ShadowAnswer("SKIPPED", "phi3:mini", null, null, "no idle model time")),
                new BigDecimal("100"), T0.plusSeconds(2));
        edge.observe(Market.flat("BTC", "101"), T0.plus(Duration.ofMinutes(6)));

        ModelRecord record = edge.modelRecord(Kind.ENTRY, "BTC", "LONG", T0.plus(Duration.ofMinutes(6)));
        assertEquals(3, record.calls(), "the model's record counts its own three answers, not the shadow's");
        assertEquals(2, record.right());

        Arena arena = edge.arena(null);
        assertEquals("5m", arena.horizon());
        List<Arena.Scored> scored = arena.scored();
        Arena.Scored primary = one(scored, "PRIMARY", null);
        Arena.Scored shadow = one(scored, "SHADOW", null);
        Arena.Scored shared = one(scored, "PRIMARY", "phi3:mini");
        assertEquals("llama3.2:3b", primary.model());
        assertEquals(3, primary.right().calls());
        assertEquals(2, primary.right().hits());
        assertEquals(2, primary.acted());
        assertEquals(0.70, primary.netMeanPct(), 1e-9, "+1 % less the 0.30 % round trip");
        assertEquals("phi3:mini", shadow.model());
        assertEquals(2, shadow.right().calls());
        assertEquals(1, shadow.right().hits(), "skipped where entering paid: wrong; entered: right");
        assertEquals(1, shadow.acted());
        assertEquals(0.70, shadow.netMeanPct(), 1e-9, "the same net as the model in use's on the same question");
        assertNull(shadow.netLowPct(), "no interval on one acted answer");
        assertTrue(shadow.verdict().startsWith("no measured edge (1 of 30"), shadow.verdict());
        assertEquals(2, shared.right().calls(), "the model in use on the two questions the shadow answered");
        assertEquals(2, shared.right().hits());
        assertTrue(shared.right().low() < shared.right().rate(), "a Wilson interval around the rate");
    }

    private static Arena.Scored one(List<Arena.Scored> scored, String role, String pairedWith) {
        List<Arena.Scored> found = scored.stream().filter(s -> s.role().equals(role)
                && java.util.Objects.equals(s.pairedWith(), pairedWith)).toList();
        assertEquals(1, found.size(), role + " " + pairedWith + " in " + scored);
        return found.get(0);
    }
}
