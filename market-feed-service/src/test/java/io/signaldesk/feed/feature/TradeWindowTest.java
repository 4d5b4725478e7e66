package io.signaldesk.feed.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.signaldesk.feed.domain.Side;
import io.signaldesk.feed.domain.TradeFlow;

class TradeWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final TradeWindow window = new TradeWindow(Duration.ofSeconds(60));

    private void trade(int second, Side side, String price, String size) {
        window.add(T0.plusSeconds(second), side, new BigDecimal(price), new BigDecimal(size));
        window.advanceTo(T0.plusSeconds(second));
    }

    @Test
    void countsVolumesAndVwapBySide() {
        trade(0, Side.BUY, "100", "1");
        trade(30, Side.SELL, "110", "3");
        assertEquals(new TradeFlow(1, 1, new BigDecimal("1"), new BigDecimal("3")), window.flow());
        // (100 x 1 + 110 x 3) / 4
        assertEquals(new BigDecimal("107.5"), window.vwap());
    }

    @Test
    void tradesLeaveTheWindowAndTheirSumsWithThem() {
        trade(0, Side.BUY, "100", "1");
        trade(30, Side.SELL, "110", "3");
        trade(61, Side.BUY, "120", "0.5");
        assertEquals(new TradeFlow(1, 1, new BigDecimal("0.5"), new BigDecimal("3")), window.flow());
        // (110 x 3 + 120 x 0.5) / 3.5 = 390 / 3.5, 12 significant digits
        assertEquals(new BigDecimal("111.428571429"), window.vwap());
        window.advanceTo(T0.plusSeconds(200));
        assertEquals(new TradeFlow(0, 0, BigDecimal.ZERO, BigDecimal.ZERO), window.flow());
        assertNull(window.vwap());
    }
}
