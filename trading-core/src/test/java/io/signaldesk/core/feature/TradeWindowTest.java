package io.signaldesk.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.core.market.TradeFlow;

/** Trade flow over the 60 s window by aggressor side. */
class TradeWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final TradeWindow window = new TradeWindow(Duration.ofSeconds(60));

    private void trade(int second, Aggressor side, String price, String size) {
        window.add(T0.plusSeconds(second), side, new BigDecimal(price), new BigDecimal(size));
        window.advanceTo(T0.plusSeconds(second));
    }

    @Test
    void countsVolumesAndVwapByAggressor() {
        trade(0, Aggressor.BUY, "100", "1");
        trade(30, Aggressor.SELL, "110", "3");
        assertEquals(new TradeFlow(1, 1, new BigDecimal("1"), new BigDecimal("3")), window.flow());
        // (100 x 1 + 110 x 3) / 4 = 107.5
        assertEquals(new BigDecimal("107.5"), window.vwap());
    }

    @Test
    void tradesLeaveTheWindowAndTheirSumsWithThem() {
        trade(0, Aggressor.BUY, "100", "1");
        trade(30, Aggressor.SELL, "110", "3");
        trade(61, Aggressor.BUY, "120", "0.5");
        // t=0 left (cutoff 1 s): buys 0.5, sells 3
        assertEquals(new TradeFlow(1, 1, new BigDecimal("0.5"), new BigDecimal("3")), window.flow());
        // (110 x 3 + 120 x 0.5) / 3.5 = 390 / 3.5 = 111.428571428..., 12 significant digits
        assertEquals(new BigDecimal("111.428571429"), window.vwap());
        window.advanceTo(T0.plusSeconds(200));
        assertEquals(new TradeFlow(0, 0, BigDecimal.ZERO, BigDecimal.ZERO), window.flow());
        assertNull(window.vwap());
    }

    @Test
    void volumesKeepTheirExactDecimals() {
        trade(0, Aggressor.BUY, "95000.10", "0.00012");
        trade(1, Aggressor.BUY, "95000.20", "0.00018");
        trade(2, Aggressor.SELL, "95000.00", "0.1");
        // 0.00012 + 0.00018 = 0.0003 exactly, trailing zeros dropped
        assertEquals(new TradeFlow(2, 1, new BigDecimal("0.0003"), new BigDecimal("0.1")), window.flow());
    }
}
