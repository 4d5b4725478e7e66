package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.backtest.EngineKit;
import io.signaldesk.decision.backtest.SimulatedClock;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.port.AiAnswer;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitResult;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/**
 * The model's entry call (the signal scored for accuracy) is filed under the market of the price it was asked about:
 * asked on the simulator's SOL at 150 and answered after the feed switched to Binance (233.41), it is the simulator's
 * call, not scored at Binance's price at its horizons (it was: a +55 % "hit" in Binance's signal accuracy).
 */
class EntrySignalMarketTest {

    private static final Instant T0 = Instant.parse("2026-12-08T01:30:00Z");
    private static final FeedIdentity SIMULATOR = new FeedIdentity("simulator", "aaaa1111", "simulator");
    private static final FeedIdentity BINANCE = new FeedIdentity("binance", "bbbb2222", "binance");

    private final ScratchLedger ledger = ScratchLedger.open();
    private final SimulatedClock clock = new SimulatedClock(T0);
    private final AtomicReference<EngineKit> kit = new AtomicReference<>();

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void anEntryCallAnsweredAfterTheFeedSwitchedIsTheMarketItWasAskedOnsNotScoredOnTheNewOne() {
        AnalyzerPort switching = new AnalyzerPort() {
            @Override
            public AiAnswer<EntryResult> entry(EntryRequest request) {
                kit.get().market.accept(Market.snapshot(BINANCE, Market.flat("SOL", "233.41")));
                return AiAnswer.answered(new EntryResult(true, 7, "Buyers lead."), "AI", "llama3.2:3b", null,
                        CompletableFuture.completedFuture("Buyers lead."));
            }

            @Override
            public AiAnswer<ExitResult> exit(ExitRequest request) {
                throw new AssertionError("no position here");
            }
        };
        kit.set(new EngineKit(Desk.config(Map.of()), StrategySettings.DEFAULTS
                .withEdge(StrategySettings.Edge.DEFAULTS.withMode(EdgeGate.OFF)), clock, ledger, switching));
        kit.get().modes.change(Mode.AI, Policy.VETO);
        kit.get().market.accept(Market.snapshot(SIMULATOR, Market.bullish("SOL", "150")));
        kit.get().engine.evaluateEntry(Market.bullish("SOL", "150"));

        clock.advanceTo(T0.plus(Duration.ofMinutes(6))); // past both scoring horizons (1m, 5m)
        kit.get().market.accept(Market.snapshot(BINANCE, Market.flat("SOL", "233.41")));
        kit.get().scoring.scoreDue();

        assertEquals(List.of(), kit.get().scoring.outcomesOn("binance"), "no call priced from 150 at Binance's 233.41");
        assertEquals(List.of(), kit.get().scoring.outcomesOn("simulator"), "nor on the simulator, whose prices stopped");
    }
}
