package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.backtest.BacktestConfig;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Market;

/** The Edge gate panel's line (GET /api/edge → line) says how many calls wait for their horizon and how many are scored. */
class EdgeLineTest {

    private static final Instant T0 = Instant.parse("2024-10-01T00:00:00Z");
    private final ScratchLedger ledger = ScratchLedger.open();
    private final BacktestConfig settings = new BacktestConfig(Map.of("strategy.edge.horizon", "5m",
            "strategy.edge.mode", "gate", "strategy.costs.fee-pct", "0.1", "strategy.costs.slippage-pct", "0.05"),
            new ModeSetting(Mode.RULES, Policy.VETO), true, 1, null);

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void countsTheCallsWaitingForTheirHorizonAndThoseScored() {
        DecisionConfig config = settings.config(Map.of());
        EdgeService edge = new EdgeService(new EdgeRepository(ledger.db()), settings.strategy(), config.modelRecord(),
                coin -> "simulator", () -> "simulator");
        for (int i = 0; i < 12; i++) {
            edge.call(Market.bullish("BTC", "100"), "RULES", Direction.LONG, 8, T0.plusSeconds(i));
        }
        assertEquals("entries only on a measured edge after the 0.3 % round trip: 0 calls scored at 5m, 12 waiting for"
                + " their horizon; no setup scored yet (each needs 30 scored calls)", edge.status().get("line"));

        edge.observe(Market.flat("BTC", "101"), T0.plus(Duration.ofMinutes(6)));
        edge.call(Market.bullish("BTC", "101"), "RULES", Direction.LONG, 8, T0.plus(Duration.ofMinutes(7)));
        assertEquals("entries only on a measured edge after the 0.3 % round trip: 12 calls scored at 5m, 1 waiting for"
                + " their horizon; 0 setups proven, 0 without edge, 1 still scoring their first 30 calls",
                edge.status().get("line"));
        assertEquals(12L, edge.status().get("scoredCalls"));
        assertEquals(1L, edge.status().get("pendingCalls"));
    }
}
