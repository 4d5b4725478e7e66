package io.signaldesk.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A backtest's period against the periods the defaults were tuned on (the sample candles' first three weeks). */
class TuningTest {

    @Test
    void aPeriodOverlappingTheFirstThreeWeeksIsInSampleAndSaysItFlattersTheStrategy() {
        // the whole file, and a single minute of 10-20 23:59 at its end: both touch the tuning period
        for (Instant[] period : new Instant[][] {
                { Instant.parse("2024-10-01T03:00:00Z"), Instant.parse("2024-11-04T20:19:00Z") },
                { Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("2024-10-01T03:00:00Z") },
                { Instant.parse("2024-10-20T23:59:00Z"), Instant.parse("2024-10-25T00:00:00Z") } }) {
            Tuning.Sample sample = Tuning.of(period[0], period[1]);
            assertEquals(Tuning.Kind.IN_SAMPLE, sample.kind());
            assertEquals("in-sample: the defaults were tuned on 2024-10-01 03:00 → 2024-10-21 00:00 UTC (Binance BTC, ETH "
                    + "and SOL 1-minute candles), which this period overlaps; these figures flatter the strategy", sample.note());
        }
    }

    @Test
    void theLastTwoWeeksAreHeldOutSaveForTheEdgeHorizonSetOnTheWholeFile() {
        Tuning.Sample lastTwoWeeks = Tuning.of(Instant.parse("2024-10-21T00:00:00Z"), Instant.parse("2024-11-04T20:19:00Z"));
        assertEquals(Tuning.Kind.HELD_OUT, lastTwoWeeks.kind());
        assertTrue(lastTwoWeeks.note().startsWith("held out: outside 2024-10-01 03:00 → 2024-10-21 00:00 UTC"), lastTwoWeeks.note());
        assertTrue(lastTwoWeeks.note().contains("only the edge gate's horizon (strategy.edge.horizon, 15m) was set on data "
                + "including it"), lastTwoWeeks.note());

        // the 2024-08-08 captures and a later year: held out, with nothing to add
        Tuning.Sample august = Tuning.of(Instant.parse("2024-08-08T23:54:15Z"), Instant.parse("2024-08-09T00:05:05Z"));
        assertEquals(Tuning.Kind.HELD_OUT, august.kind());
        assertFalse(august.note().contains("horizon"), august.note());
        assertEquals(Tuning.Kind.HELD_OUT, Tuning.of(Instant.parse("2024-11-04T20:20:00Z"),
                Instant.parse("2025-01-01T00:00:00Z")).kind());
    }

    @Test
    void aRunWhoseSettingsAreNotTheDefaultsSaysHeldOutHoldsForTheDefaultsOnly() {
        // momentum 0.05 % (a trader's try) on the last two weeks: held out for the defaults, not for the try
        StrategySettings tried = StrategySettings.DEFAULTS.withRules(new io.signaldesk.core.rules.RuleThresholds(
                new java.math.BigDecimal("0.05"), new java.math.BigDecimal("0.55"), new java.math.BigDecimal("1.2")));
        Tuning.Sample sample = Tuning.of(Instant.parse("2024-10-21T00:00:00Z"), Instant.parse("2024-11-04T20:19:00Z"), tried);
        assertEquals(Tuning.Kind.HELD_OUT, sample.kind());
        assertTrue(sample.note().endsWith("; this run changes the rules' thresholds from the defaults: the data they were "
                + "chosen on is not known here, and a period they were chosen by looking at is in-sample for them"), sample.note());
        // the same values written another way (0.20 for 0.2), other costs and the gate off change nothing tuned
        StrategySettings same = StrategySettings.DEFAULTS.withRules(new io.signaldesk.core.rules.RuleThresholds(
                new java.math.BigDecimal("0.20"), new java.math.BigDecimal("0.550"), new java.math.BigDecimal("1.20")))
                .withCosts(new io.signaldesk.core.paper.FeeModel(java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO));
        assertEquals(java.util.List.of(), Tuning.departures(same));
    }
}
