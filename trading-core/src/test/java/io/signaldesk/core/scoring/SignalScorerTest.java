package io.signaldesk.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.signaldesk.core.trade.Direction;

/** The one scoring rule on a hand-made price path: 100.00 -> 100.20 -> 99.90 -> 99.96 -> 100.30. */
class SignalScorerTest {

    private static final BigDecimal BAND = SignalScorer.FLAT_BAND_PCT;

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void movePctIsExactToSixDecimals() {
        // 0.20 / 100 = 0.2 %
        assertEquals(d("0.200000"), SignalScorer.movePct(d("100.00"), d("100.20")));
        // -0.30 / 100.20 = -0.2994011...%
        assertEquals(d("-0.299401"), SignalScorer.movePct(d("100.20"), d("99.90")));
        // 0.06 / 99.90 = 0.0600600...%
        assertEquals(d("0.060060"), SignalScorer.movePct(d("99.90"), d("99.96")));
        // 0.34 / 99.96 = 0.3401360...%
        assertEquals(d("0.340136"), SignalScorer.movePct(d("99.96"), d("100.30")));
    }

    @ParameterizedTest(name = "move {0} % -> {1}")
    @CsvSource({
            // the band is inclusive for WAIT: +/- 0.05 is flat, a hair beyond is a move
            "0.05, WAIT",
            "-0.05, WAIT",
            "0, WAIT",
            "0.050001, LONG",
            "-0.050001, SHORT",
    })
    void aMoveInsideTheBandIsFlat(String move, Direction expected) {
        assertEquals(expected, SignalScorer.actual(d(move), BAND));
    }

    @Test
    void aSignalHitsOnlyOutsideTheFlatBandInItsDirection() {
        assertTrue(SignalScorer.hit(Direction.LONG, d("0.0501"), BAND));
        assertFalse(SignalScorer.hit(Direction.LONG, d("0.05"), BAND));
        assertTrue(SignalScorer.hit(Direction.SHORT, d("-0.0501"), BAND));
        assertFalse(SignalScorer.hit(Direction.SHORT, d("-0.05"), BAND));
        assertTrue(SignalScorer.hit(Direction.WAIT, d("-0.05"), BAND));
        assertFalse(SignalScorer.hit(Direction.WAIT, d("0.06"), BAND));
        // another band moves the boundary: 0.08 is flat within 0.1
        assertTrue(SignalScorer.hit(Direction.WAIT, d("0.08"), d("0.1")));
    }

    @Test
    void bucketsConfidence() {
        assertEquals("1-3", SignalScorer.bucket(1));
        assertEquals("1-3", SignalScorer.bucket(3));
        assertEquals("4-6", SignalScorer.bucket(4));
        assertEquals("4-6", SignalScorer.bucket(6));
        assertEquals("7-10", SignalScorer.bucket(7));
        assertEquals("7-10", SignalScorer.bucket(10));
    }

    @Test
    void ratesHaveFourDecimalsAndNoneWhenNothingWasScored() {
        // 2 / 3 = 0.66666 -> 0.6667
        assertEquals(d("0.6667"), SignalScorer.rate(2, 3));
        assertEquals(d("0.0000"), SignalScorer.rate(0, 4));
        assertNull(SignalScorer.rate(0, 0));
    }

    @Test
    void thePriceAtAHorizonIsTheFirstMarkAtOrAfterIt() {
        Instant t = Instant.parse("2026-11-25T12:00:00Z");
        List<PricePoint> marks = List.of(new PricePoint(t, d("100.1")), new PricePoint(t.plusSeconds(30), d("100.2")),
                new PricePoint(t.plusSeconds(70), d("100.0")), new PricePoint(t.plusSeconds(70), d("99.8")),
                new PricePoint(t.plusSeconds(130), d("101.0")));
        ArrayDeque<PricePoint> sameMarksInADeque = new ArrayDeque<>(marks);
        for (Iterable<PricePoint> path : List.<Iterable<PricePoint>>of(marks, sameMarksInADeque)) {
            // 12:01:00 has no mark: the next one, 12:01:10, not the last one before (100.2)
            assertEquals(Optional.of(d("100.0")), SignalScorer.priceAtHorizon(path, t.plusSeconds(60)));
            // two marks at the same instant: the first of them
            assertEquals(Optional.of(d("100.0")), SignalScorer.priceAtHorizon(path, t.plusSeconds(70)));
            assertEquals(Optional.of(d("100.1")), SignalScorer.priceAtHorizon(path, t.minusSeconds(5)));
            assertEquals(Optional.of(d("101.0")), SignalScorer.priceAtHorizon(path, t.plusSeconds(130)));
            assertEquals(Optional.empty(), SignalScorer.priceAtHorizon(path, t.plusSeconds(131)), "not seen yet");
            // (100.0 - 100.1) / 100.1 = -0.0999000...%
            assertEquals(Optional.of(d("-0.099900")),
                    SignalScorer.moveAtHorizon(d("100.1"), t, Duration.ofMinutes(1), path));
        }
    }
}
