package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.backtest.EngineKit;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.port.AiAnswer;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitResult;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/**
 * On a replay the live service's clock is today while the market is years back: the questions the model is asked (and
 * the training set keeps) say the market's time, so an exit says how long the position has been open in market time
 * ("open 0 min" a few seconds after its fill), not the years between the replayed day and the machine's clock.
 */
class ReplayQuestionTimeTest {

    @Test
    void aReplaysEntryAndExitQuestionsAreAsOfMarketTimeNotTheMachinesClock() {
        Instant wall = Instant.parse("2026-12-07T19:30:00Z");
        Instant t0 = Instant.parse("2024-10-02T00:01:15Z");
        FeedIdentity replay = new FeedIdentity("replay", "r1", "replay#r1");
        List<EntryRequest> entries = new ArrayList<>();
        List<ExitRequest> exits = new ArrayList<>();
        AnalyzerPort analyzer = new AnalyzerPort() {
            @Override
            public AiAnswer<EntryResult> entry(EntryRequest request) {
                entries.add(request);
                return AiAnswer.unavailable("MODEL_DOWN"); // the rules' side is filled (RULES_FALLBACK)
            }

            @Override
            public AiAnswer<ExitResult> exit(ExitRequest request) {
                exits.add(request);
                return AiAnswer.unavailable("MODEL_DOWN");
            }
        };

        try (ScratchLedger ledger = ScratchLedger.open()) {
            EngineKit kit = new EngineKit(Desk.config(Map.of("decision.engine-enabled", "true")),
                    StrategySettings.DEFAULTS.withEdge(StrategySettings.Edge.DEFAULTS.withMode(EdgeGate.OFF)),
                    Clock.fixed(wall, ZoneOffset.UTC), ledger, analyzer);
            kit.modes.change(Mode.AI, Policy.VETO);
            kit.proposals.configure(false, 1);

            kit.accept(new FeedMessage("snapshot", t0, List.of(Market.at(Market.bullish("BTC", "60000"), t0)), null,
                    replay));
            assertEquals(1, entries.size(), "the entry question");
            assertEquals(t0, entries.get(0).market().asOf());
            assertFalse(kit.trading.positions().isEmpty(), "the fallback entry filled");

            Instant later = t0.plusSeconds(15);
            kit.accept(new FeedMessage("snapshot", later, List.of(Market.at(Market.flat("BTC", "60010"), later)), null,
                    replay));
            assertEquals(1, exits.size(), "the exit check's question");
            ExitRequest exit = exits.get(0);
            assertEquals(t0, exit.openedAt(), "filled at market time");
            assertEquals(later, exit.market().asOf(), "asked at market time: open 0 min, not the years since");
        }
    }
}
