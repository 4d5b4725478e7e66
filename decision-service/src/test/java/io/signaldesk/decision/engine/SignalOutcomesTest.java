package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.SignalOutcomes.Outcome;
import io.signaldesk.decision.engine.SignalOutcomes.Stats;

/** Recorded signals scored on a hand-made price path: 100.00 -> 100.20 -> 99.90 -> 99.96 -> 100.30, one minute apart. */
class SignalOutcomesTest {

    private static final BigDecimal BAND = new BigDecimal("0.05");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final String[] PATH = { "100.00", "100.20", "99.90", "99.96", "100.30" };

    @Test
    void scoresEachSignalAndBothBaselinesOnTheSameInstants() {
        // signals at t0..t3, each scored one minute later on the path
        List<Outcome> outcomes = List.of(
                score(0, Direction.LONG, 8, Direction.LONG),    // +0.2000 % -> LONG: hit, wait miss, momentum hit
                score(1, Direction.LONG, 5, Direction.LONG),    // -0.2994 % -> SHORT: miss, wait miss, momentum miss
                score(2, Direction.WAIT, 5, Direction.SHORT),   // +0.0601 % -> LONG: miss, wait miss, momentum miss
                score(3, Direction.LONG, 2, Direction.WAIT));   // +0.3401 % -> LONG: hit, wait miss, momentum miss

        assertTrue(outcomes.get(0).hit());
        assertTrue(outcomes.get(0).momentumOnlyHit());
        assertFalse(outcomes.get(1).hit());
        assertEquals(Direction.SHORT, outcomes.get(1).actual());
        assertEquals(Direction.LONG, outcomes.get(2).actual());
        assertFalse(outcomes.get(2).hit());
        assertTrue(outcomes.get(3).hit());

        Stats stats = SignalOutcomes.stats(outcomes);
        assertEquals(4, stats.scored());
        assertEquals(2, stats.hits());
        assertEquals(new BigDecimal("0.5000"), stats.hitRate());
        assertEquals(new BigDecimal("0.0000"), stats.alwaysWaitHitRate());
        assertEquals(new BigDecimal("0.2500"), stats.momentumOnlyHitRate());
        // direction counts only LONG/SHORT calls whose move passed the band: t0 (hit), t1 (miss), t3 (hit); the WAIT
        // at t2 is not a call. Two of the three moves went up: always-long 2 of 3
        assertEquals(3, stats.direction().calls());
        assertEquals(2, stats.direction().hits());
        assertEquals(2, stats.alwaysLong().hits());
        assertEquals(1.0, stats.direction().pValue(), 1e-12, "P(X >= 2 | 3 flips) = 4/8, two-sided 1: no evidence either way");
        // the hit rate with its count and Wilson 95 % interval: 2 of 4, [15.0 %, 85.0 %]
        assertEquals(4, stats.hitShare().total());
        assertEquals(2, stats.hitShare().count());
        assertEquals(0.150, stats.hitShare().low(), 0.0005);
        assertEquals(0.850, stats.hitShare().high(), 0.0005);
    }

    @Test
    void aFlatStretchIsWhereAlwaysWaitScores() {
        Signal signal = new Signal("BTC", "RULES", Direction.LONG, 7, new BigDecimal("100.00"), Direction.WAIT, T0);
        Outcome flat = SignalOutcomes.score(signal, MINUTE, new BigDecimal("100.03"), BAND);
        assertEquals(new BigDecimal("0.030000"), flat.movePct());
        assertFalse(flat.hit());
        assertTrue(flat.alwaysWaitHit());
        assertTrue(flat.momentumOnlyHit());
        assertEquals(new BigDecimal("0.0000"), SignalOutcomes.stats(List.of(flat)).hitRate());
    }

    @Test
    void reportsNoRateForNothingScored() {
        assertNull(SignalOutcomes.stats(List.of()).hitRate());
    }

    private static Outcome score(int at, Direction direction, int confidence, Direction momentum) {
        Signal signal = new Signal("BTC", "RULES", direction, confidence, price(at), momentum, T0.plus(MINUTE.multipliedBy(at)));
        return SignalOutcomes.score(signal, MINUTE, price(at + 1), BAND);
    }

    private static BigDecimal price(int index) {
        return new BigDecimal(PATH[index]);
    }
}
