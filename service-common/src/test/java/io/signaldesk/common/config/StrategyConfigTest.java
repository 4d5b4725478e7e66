package io.signaldesk.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.strategy.StrategySettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The {@code strategy.*} keys as the core's record: the defaults are today's, a key set once changes the record. */
class StrategyConfigTest {

    private static StrategySettings read(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500))
                .withConverter(Duration.class, 200, new DurationConverter()).withMapping(StrategyConfig.class)
                .build().getConfigMapping(StrategyConfig.class).settings();
    }

    @Test
    void withNothingSetTheStrategyIsTheCoresDefaults() {
        StrategySettings s = read(Map.of());
        assertEquals(StrategySettings.DEFAULTS, s);
        // the figures the READMEs give: rules 0.2 % / 0.55 / 1.2, 30 s cooldown, stop 1.5 %, target 3 %, checks every
        // 10 s or after 0.5 %, 10,000 USDT and 2 % an entry, 0.1 % fee and 0.05 % slippage, the gate at 30 calls
        assertEquals(0, new BigDecimal("0.2").compareTo(s.rules().momentumPct()));
        assertEquals(Duration.ofSeconds(30), s.entryCooldown());
        assertEquals(0, new BigDecimal("1.5").compareTo(s.exits().stopLossPct()));
        assertEquals(Duration.ofSeconds(10), s.exits().checkEvery());
        assertEquals(0, new BigDecimal("2").compareTo(s.sizing().sizePct()));
        assertEquals(0, new BigDecimal("0.30").compareTo(s.costs().roundTripPct()));
        assertEquals(EdgeGate.GATE, s.edge().mode());
        assertEquals(30, s.edge().judge().minSample());
        assertEquals(Duration.ofMinutes(15), s.edge().horizon());
    }

    @Test
    void eachKeyChangesItsPartOfTheRecord() {
        StrategySettings s = read(Map.of("strategy.rules.momentum-pct", "0.03", "strategy.entry-cooldown", "5s",
                "strategy.exit.take-profit-pct", "50", "strategy.sizing.size-pct", "5", "strategy.costs.fee-pct", "0",
                "strategy.edge.mode", "off"));
        assertEquals(0, new BigDecimal("0.03").compareTo(s.rules().momentumPct()));
        assertEquals(Duration.ofSeconds(5), s.entryCooldown());
        assertEquals(0, new BigDecimal("50").compareTo(s.exits().takeProfitPct()));
        assertEquals(0, new BigDecimal("5").compareTo(s.sizing().sizePct()));
        assertEquals(0, s.costs().takerFeePct().signum());
        assertEquals(EdgeGate.OFF, s.edge().mode());
        assertEquals(StrategySettings.DEFAULTS.rules().bidShare(), s.rules().bidShare(), "the rest stays the default");
    }

    @Test
    void aValueOutOfItsRangeIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("strategy.rules.bid-share", "0.3")));
        assertTrue(e.getMessage().startsWith("bidShare must be in [0.5, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("strategy.entry-cooldown", "2d")));
    }
}
