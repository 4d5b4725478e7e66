package io.signaldesk.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A renamed key, set under its old name, stops the start naming the new one instead of being ignored. */
class RetiredKeysTest {

    @Test
    void anOldKeyOrItsEnvironmentVariableIsNamedWithItsReplacement() {
        assertEquals(List.of("decision.edge.mode is now strategy.edge.mode",
                "%test.decision.rules.momentum-pct is now strategy.rules.momentum-pct",
                "DECISION_PAPER_DEFAULT_STOP_LOSS_PCT is now STRATEGY_EXIT_STOP_LOSS_PCT"),
                RetiredKeys.found(List.of("decision.edge.mode", "%test.decision.rules.momentum-pct", "decision.db.path",
                        "strategy.edge.mode"), Map.of("DECISION_PAPER_DEFAULT_STOP_LOSS_PCT", "40", "PATH", "/bin")));
    }

    @Test
    void theCurrentKeysPass() {
        assertEquals(List.of(), RetiredKeys.found(List.of("strategy.rules.momentum-pct", "decision.edge.model-record",
                "decision.risk.max-position-pct"), Map.of("STRATEGY_EDGE_MODE", "off", "DECISION_DB_URL", "x")));
    }
}
