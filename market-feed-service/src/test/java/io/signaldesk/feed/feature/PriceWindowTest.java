package io.signaldesk.feed.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

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
        assertEquals(0.0, window.momentumPct());
        assertNull(window.volatilityPct());
    }

    @Test
    void momentumUsesOldestPriceWhileTheWindowIsFilling() {
        trade(0, "100");
        trade(10, "110");
        trade(20, "100");
        assertEquals(0.0, window.momentumPct());
        // returns ln 1.1 and -ln 1.1
        assertEquals(13.4789, window.volatilityPct());
    }

    @Test
    void momentumUsesThePriceInForceAtWindowStartOnceTradesLeave() {
        trade(0, "100");
        trade(10, "110");
        trade(20, "100");
        trade(65, "105");
        // t=0 left the window (cutoff 5 s): reference 100, last 105
        assertEquals(5.0, window.momentumPct());
        // returns in window: ln 1.1, -ln 1.1, ln 1.05 (the last measured from 100 at t=20)
        assertEquals(9.9386, window.volatilityPct());
        trade(75, "99");
        // t=10 left (cutoff 15 s): reference 110, last 99 -> -10 %
        assertEquals(-10.0, window.momentumPct());
        // returns in window: -ln 1.1, ln 1.05, ln(99/105)
        assertEquals(7.4921, window.volatilityPct());
        assertEquals(3, window.size());
    }

    @Test
    void priceExactlyOneWindowOldHasLeft() {
        trade(0, "100");
        trade(60, "102");
        assertEquals(1, window.size());
        assertEquals(2.0, window.momentumPct());
    }

    @Test
    void quietMarketKeepsTheLastPriceAsReference() {
        trade(0, "100");
        trade(10, "104");
        window.advanceTo(T0.plusSeconds(500));
        assertEquals(0, window.size());
        assertEquals(0.0, window.momentumPct());
        assertNull(window.volatilityPct());
        trade(501, "102");
        assertEquals(new BigDecimal("102"), window.last());
        // reference is 104, the price in force when the window started
        assertEquals(-1.9231, window.momentumPct());
    }
}
