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
    void theModelRecordKeysMovedOutOfTheEdgeGatesNamesAreNamedWithTheirNewHome() {
        assertEquals(List.of("decision.edge.model-record-refresh is now decision.model-record.refresh",
                "DECISION_EDGE_MODEL_RECORD is now DECISION_MODEL_RECORD_ENABLED"),
                RetiredKeys.found(List.of("decision.edge.model-record-refresh", "decision.model-record.prompts-keep"),
                        Map.of("DECISION_EDGE_MODEL_RECORD", "false")));
    }

    @Test
    void theCurrentKeysPass() {
        assertEquals(List.of(), RetiredKeys.found(List.of("strategy.rules.momentum-pct", "decision.model-record.enabled",
                "decision.risk.max-position-pct"), Map.of("STRATEGY_EDGE_MODE", "off", "DECISION_DB_URL", "x")));
    }
}
