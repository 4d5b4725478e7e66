package io.signaldesk.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** 60 s momentum and volatility on hand-made trade paths, gaps included. */
class PriceWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final PriceWindow window = new PriceWindow(Duration.ofSeconds(60));

    private void trade(int second, String price) {
        window.add(T0.plusSeconds(second), new BigDecimal(price));
        window.advanceTo(T0.plusSeconds(second));
    }

    @Test
    void firstPriceHasNoMomentumChangeAndNoVolatility() {
        trade(0, "100");
        assertEquals(new BigDecimal("0.0000"), window.momentumPct());
        assertNull(window.volatilityPct());
    }

    @Test
    void momentumUsesOldestPriceWhileTheWindowIsFilling() {
        trade(0, "100");
        trade(10, "110");
        trade(20, "100");
        // reference 100 (oldest), last 100
        assertEquals(new BigDecimal("0.0000"), window.momentumPct());
        // returns ln 1.1 and -ln 1.1 -> 13.4789 %
        assertEquals(new BigDecimal("13.4789"), window.volatilityPct());
    }

    @Test
    void momentumUsesThePriceInForceAtWindowStartOnceTradesLeave() {
        trade(0, "100");
        trade(10, "110");
        trade(20, "100");
        trade(65, "105");
        // t=0 left the window (cutoff 5 s): reference 100, last 105 -> +5 %
        assertEquals(new BigDecimal("5.0000"), window.momentumPct());
        // returns in window: ln 1.1, -ln 1.1, ln 1.05 (the last measured from 100 at t=20)
        assertEquals(new BigDecimal("9.9386"), window.volatilityPct());
        trade(75, "99");
        // t=10 left (cutoff 15 s): reference 110, last 99 -> (99 - 110) / 110 = -10 %
        assertEquals(new BigDecimal("-10.0000"), window.momentumPct());
        // returns in window: -ln 1.1, ln 1.05, ln(99/105)
        assertEquals(new BigDecimal("7.4921"), window.volatilityPct());
        assertEquals(3, window.size());
    }

    @Test
    void priceExactlyOneWindowOldHasLeft() {
        trade(0, "100");
        trade(60, "102");
        // cutoff 0 s: the t=0 trade is at the cutoff, so it left; reference 100 -> +2 %
        assertEquals(1, window.size());
        assertEquals(new BigDecimal("2.0000"), window.momentumPct());
    }

    @Test
    void aGapLongerThanTheWindowKeepsTheLastPriceAsReference() {
        trade(0, "100");
        trade(10, "104");
        window.advanceTo(T0.plusSeconds(500));
        assertEquals(0, window.size());
        // both trades left: the reference is 104, the last price is 104 -> 0 %
        assertEquals(new BigDecimal("0.0000"), window.momentumPct());
        assertNull(window.volatilityPct());
        trade(501, "102");
        assertEquals(new BigDecimal("102"), window.last());
        // (102 - 104) / 104 = -1.923076.. % -> -1.9231
        assertEquals(new BigDecimal("-1.9231"), window.momentumPct());
    }

    @Test
    void aGapInsideTheWindowMeasuresFromThePriceInForceAtItsStart() {
        trade(0, "200");
        trade(5, "201");
        // 50 s without trades, then one at t=55: nothing left yet, reference is the oldest (200)
        trade(55, "202");
        // (202 - 200) / 200 = 1 %
        assertEquals(new BigDecimal("1.0000"), window.momentumPct());
        // t=66: cutoff 6 s, t=0 and t=5 left; reference is the newest that left (201): (203 - 201) / 201 = 0.99502 %
        trade(66, "203");
        assertEquals(new BigDecimal("0.9950"), window.momentumPct());
        assertEquals(2, window.size());
    }
}
