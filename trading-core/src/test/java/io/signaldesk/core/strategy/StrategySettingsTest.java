package io.signaldesk.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.rules.RuleThresholds;

class StrategySettingsTest {

    @Test
    void anOverrideChangesItsPartAndKeepsTheRest() {
        StrategySettings cheaper = StrategySettings.DEFAULTS.withCosts(new FeeModel(new BigDecimal("0.02"), BigDecimal.ZERO));
        assertEquals(0, new BigDecimal("0.04").compareTo(cheaper.costs().roundTripPct()), "2 × (0.02 + 0)");
        assertEquals(StrategySettings.DEFAULTS.rules(), cheaper.rules());
        assertEquals(StrategySettings.DEFAULTS.exits(), cheaper.exits());
        StrategySettings ungated = cheaper.withEdge(cheaper.edge().withMode(EdgeGate.OFF));
        assertEquals(EdgeGate.OFF, ungated.edge().mode());
        assertEquals(cheaper.edge().judge(), ungated.edge().judge());
    }

    @Test
    void eachPartChecksItsRange() {
        assertThrows(IllegalArgumentException.class,
                () -> StrategySettings.DEFAULTS.withEntryCooldown(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> new StrategySettings.Sizing(BigDecimal.TEN, new BigDecimal("101")));
        assertThrows(IllegalArgumentException.class,
                () -> new RuleThresholds(new BigDecimal("0.2"), new BigDecimal("0.4"), new BigDecimal("1.2")));
        assertThrows(NullPointerException.class, () -> StrategySettings.DEFAULTS.edge().withMode(null));
    }
}
