package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.core.contract.Contracts;
import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.api.DecisionLines;
import io.signaldesk.decision.backtest.EngineKit;
import io.signaldesk.decision.backtest.SimulatedClock;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Desk;

/**
 * An entry the edge gate stops is a WAIT that still says which trade it stopped: the side the rules' result called for
 * is the decision's {@code wanted} field, written to the ledger and read back, and the decision log says it from there.
 */
class WantedSideTest {

    @Test
    void aWaitOfTheGateKeepsTheSideTheRulesWantedAsAField() throws Exception {
        CoinSnapshot candle = new ObjectMapper().findAndRegisterModules()
                .readValue(Contracts.fixture(Contracts.CANDLE_SNAPSHOT), CoinSnapshot.class);
        JsonNode rules = Contracts.json(Contracts.CANDLE_SNAPSHOT_RULES);
        Direction side = Direction.valueOf(rules.path("direction").asText());

        try (ScratchLedger ledger = ScratchLedger.open()) {
            // the gate at its default (gate), cold: the rules' call is stopped
            EngineKit kit = Desk.rulesKit(ledger, StrategySettings.DEFAULTS, new SimulatedClock(candle.updatedAt()), Map.of());
            kit.accept(new FeedMessage("snapshot", candle.updatedAt(), List.of(candle), null,
                    new FeedIdentity("backtest", "candles", "backtest:candles")));

            Decision read = kit.decisions.after(0).get(0); // from the ledger
            assertEquals(DecisionOutcome.NO_EDGE, read.outcome());
            assertEquals(Direction.WAIT, read.direction(), "nothing done");
            assertEquals(side, read.wanted(), "what the rules' result called for");
            assertEquals("edge gate: no measured edge, no entry (rules wanted " + side + ", "
                    + rules.path("confidence").asInt() + "/10)", DecisionLines.said(read));
        }
    }
}
