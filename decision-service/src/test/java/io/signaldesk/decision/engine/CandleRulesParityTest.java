package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.contract.Contracts;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.backtest.EngineKit;
import io.signaldesk.decision.backtest.SimulatedClock;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Desk;

/**
 * The engine decides trading-core's candle snapshot (contracts/candle-snapshot.json) as contracts/candle-snapshot-rules.json
 * says, the answer the analyzer's labelled rules give on it too (its RuleBasedAnalyzerTest): both call the core's one
 * rule entry.
 */
class CandleRulesParityTest {

    @Test
    void decidesTheCandleSnapshotAsTheAnalyzersRulesAnswer() throws Exception {
        CoinSnapshot candle = new ObjectMapper().findAndRegisterModules()
                .readValue(Contracts.fixture(Contracts.CANDLE_SNAPSHOT), CoinSnapshot.class);
        JsonNode rules = Contracts.json(Contracts.CANDLE_SNAPSHOT_RULES);

        try (ScratchLedger ledger = ScratchLedger.open()) {
            EngineKit kit = Desk.rulesKit(ledger, StrategySettings.DEFAULTS.withEdge(StrategySettings.Edge.DEFAULTS
                    .withMode(EdgeGate.OFF)), new SimulatedClock(candle.updatedAt()), Map.of("decision.engine-enabled", "true"));
            kit.accept(new FeedMessage("snapshot", candle.updatedAt(), List.of(candle), null,
                    new FeedIdentity("backtest", "candles", "backtest:candles")));

            List<Decision> decisions = kit.decisions.after(0);
            assertEquals(1, decisions.size(), decisions.toString());
            Decision decision = decisions.get(0);
            assertEquals(DecisionSource.RULES, decision.source());
            assertEquals(Direction.valueOf(rules.path("direction").asText()), decision.direction());
            assertEquals(rules.path("confidence").asInt(), decision.confidence());
            assertEquals(rules.path("reason").asText(), decision.ruleReason());
        }
    }
}
