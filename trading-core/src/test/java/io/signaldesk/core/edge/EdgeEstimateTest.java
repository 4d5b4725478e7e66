package io.signaldesk.core.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.evaluation.Normal;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.trade.Direction;

class EdgeEstimateTest {

    private static final SetupKey BTC_LONG = SetupKey.of("BTC", "RULES", Direction.LONG, 6, VolatilityRegime.CALM);
    private static final BigDecimal ROUND_TRIP = new FeeModel(new BigDecimal("0.1"), new BigDecimal("0.05")).roundTripPct();

    @Test
    void roundTripIsTwoFeesAndTwoSlippages() {
        assertEquals(0, new BigDecimal("0.30").compareTo(ROUND_TRIP));
    }

    @Test
    void coldSetupSaysHowManyScoredCallsItWaitsFor() {
        TrackRecord record = new TrackRecord();
        for (int i = 0; i < 12; i++) {
            record.add(BTC_LONG, 2.0);
        }
        EdgeEstimate estimate = record.estimate(BTC_LONG, ROUND_TRIP, EdgeSettings.DEFAULTS);
        assertTrue(estimate.cold());
        assertFalse(estimate.proven()); // 12 calls of +2 % each: large, but too few
        assertEquals("BTC LONG, rules (confidence 4-6, calm market): 12 of 30 scored calls", estimate.waitingFor());
        assertFalse(EdgeGate.GATE.proposes(estimate));
        assertTrue(EdgeGate.ADVISE.proposes(estimate));
        assertFalse(EdgeGate.ADVISE.mayAutoExecute(estimate));
        assertTrue(EdgeGate.OFF.mayAutoExecute(estimate));
    }

    @Test
    void verdictSaysWhatEachGateModeDoesWithAnUnprovenAndAProvenSetup() {
        TrackRecord cold = new TrackRecord();
        cold.add(BTC_LONG, 2.0);
        EdgeEstimate unproven = cold.estimate(BTC_LONG, ROUND_TRIP, EdgeSettings.DEFAULTS);
        assertEquals(EdgeVerdict.NO_EDGE, EdgeGate.GATE.verdict(unproven));
        assertEquals(EdgeVerdict.UNPROVEN, EdgeGate.ADVISE.verdict(unproven));
        assertEquals(EdgeVerdict.UNGATED, EdgeGate.OFF.verdict(unproven));
        TrackRecord warm = new TrackRecord();
        for (int i = 0; i < 40; i++) {
            warm.add(BTC_LONG, i % 2 == 0 ? 0.9 : 1.1);
        }
        EdgeEstimate proven = warm.estimate(BTC_LONG, ROUND_TRIP, EdgeSettings.DEFAULTS);
        for (EdgeGate gate : EdgeGate.values()) {
            assertEquals(EdgeVerdict.PROVEN, gate.verdict(proven), gate.name());
            // the verdict agrees with the gate's own two questions, in every mode
            assertEquals(gate.proposes(unproven), gate.verdict(unproven).proposes(), gate.name());
            assertEquals(gate.mayAutoExecute(unproven), gate.verdict(unproven).mayAutoExecute(), gate.name());
        }
    }

    @Test
    void consistentMovesPastTheRoundTripProveAnEdge() {
        TrackRecord record = new TrackRecord();
        for (int i = 0; i < 40; i++) {
            record.add(BTC_LONG, i % 2 == 0 ? 0.9 : 1.1);
        }
        EdgeEstimate estimate = record.estimate(BTC_LONG, ROUND_TRIP, EdgeSettings.DEFAULTS);
        // expected move 40 / (40 + 20) = 0.6667; expectancy 0.6667 - 0.30 = 0.3667;
        // stdev 0.10127, standard error 0.10127 / sqrt(60) = 0.013074; lower 0.36667 - 1.64485 * 0.013074 = 0.34516
        assertEquals(new BigDecimal("1.0000"), estimate.meanMovePct());
        assertEquals(new BigDecimal("0.6667"), estimate.expectedMovePct());
        assertEquals(new BigDecimal("0.3667"), estimate.expectancyPct());
        assertEquals(new BigDecimal("0.3452"), estimate.lowerBoundPct());
        assertTrue(estimate.proven());
        assertTrue(EdgeGate.GATE.proposes(estimate));
    }

    @Test
    void aCoinFlipHasNoEdgeAfterCosts() {
        TrackRecord record = new TrackRecord();
        for (int i = 0; i < 200; i++) {
            record.add(BTC_LONG, i % 2 == 0 ? 1.0 : -1.0);
        }
        EdgeEstimate estimate = record.estimate(BTC_LONG, ROUND_TRIP, EdgeSettings.DEFAULTS);
        // expected move 0; expectancy -0.30; stdev 1.0025 / sqrt(220) = 0.0676; lower -0.30 - 1.6449 * 0.0676 = -0.4112
        assertEquals(new BigDecimal("-0.3000"), estimate.expectancyPct());
        assertEquals(new BigDecimal("-0.4112"), estimate.lowerBoundPct());
        assertFalse(estimate.proven());
        assertTrue(estimate.summary().startsWith("BTC LONG, rules, confidence 4-6, calm market: expectancy -0.3000 %"),
                estimate.summary());
    }

    @Test
    void aMoveSmallerThanTheRoundTripIsNoEdgeHoweverSure() {
        TrackRecord record = new TrackRecord();
        for (int i = 0; i < 1000; i++) {
            record.add(BTC_LONG, i % 2 == 0 ? 0.2 : 0.3); // always right, by 0.25 % on average: less than 0.30 %
        }
        EdgeEstimate estimate = record.estimate(BTC_LONG, ROUND_TRIP, EdgeSettings.DEFAULTS);
        assertEquals(new BigDecimal("0.2451"), estimate.expectedMovePct()); // 250 / 1020
        assertFalse(estimate.proven());
    }

    @Test
    void oneCallGivesNoLowerBound() {
        TrackRecord record = new TrackRecord();
        record.add(BTC_LONG, 0.5);
        assertNull(record.estimate(BTC_LONG, ROUND_TRIP, EdgeSettings.DEFAULTS).lowerBoundPct());
    }

    @Test
    void normalQuantileMatchesTheTables() {
        assertEquals(1.6449, Normal.quantile(0.95), 1e-4);
        assertEquals(1.9600, Normal.quantile(0.975), 1e-4);
        assertEquals(-2.3263, Normal.quantile(0.01), 1e-4);
    }

    @Test
    void regimeIsActiveFromTwiceTheRoundTrip() {
        assertEquals(VolatilityRegime.CALM, VolatilityRegime.of(new BigDecimal("0.59"), ROUND_TRIP));
        assertEquals(VolatilityRegime.ACTIVE, VolatilityRegime.of(new BigDecimal("0.60"), ROUND_TRIP));
        assertEquals(VolatilityRegime.UNKNOWN, VolatilityRegime.of(null, ROUND_TRIP));
    }

    @Test
    void settingsRefuseAConfidenceOutsideTheirRange() {
        assertThrows(IllegalArgumentException.class, () -> new EdgeSettings(30, 1.0, 20));
        assertThrows(IllegalArgumentException.class, () -> EdgeGate.parse("maybe"));
        assertEquals(EdgeGate.ADVISE, EdgeGate.parse("advise"));
    }
}
