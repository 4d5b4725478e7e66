package io.signaldesk.feed.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.feed.domain.BookImbalance;
import io.signaldesk.feed.domain.PriceLevel;

class FeatureMathTest {

    @Test
    void changeIsPercentOfTheReferencePrice() {
        assertEquals(1.0, FeatureMath.changePct(new BigDecimal("100"), new BigDecimal("101")));
        assertEquals(-1.0, FeatureMath.changePct(new BigDecimal("95000"), new BigDecimal("94050")));
        assertEquals(0.0333, FeatureMath.changePct(new BigDecimal("3000"), new BigDecimal("3001")));
        assertNull(FeatureMath.changePct(null, BigDecimal.ONE));
    }

    @Test
    void volatilityIsSampleStdevOfLogReturnsInPercent() {
        double r = Math.log(1.1);
        // returns +ln 1.1 and -ln 1.1: mean 0, sample variance 2 r^2 / 1, stdev r * sqrt 2 = 0.134789
        assertEquals(13.4789, FeatureMath.stdevPct(2, 0.0, 2 * r * r));
        assertNull(FeatureMath.stdevPct(1, r, r * r));
    }

    @Test
    void vwapDividesNotionalByVolume() {
        // 100 x 1 + 110 x 3 = 430 over 4
        assertEquals(new BigDecimal("107.5"), FeatureMath.vwap(new BigDecimal("430"), new BigDecimal("4")));
        assertNull(FeatureMath.vwap(BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void midAndSpreadComeFromTheBestPrices() {
        assertEquals(new BigDecimal("100.25"), FeatureMath.mid(new BigDecimal("100.10"), new BigDecimal("100.40")));
        assertEquals(new BigDecimal("0.30"), FeatureMath.spread(new BigDecimal("100.10"), new BigDecimal("100.40")));
        assertEquals(new BigDecimal("95000"), FeatureMath.mid(new BigDecimal("94999.5"), new BigDecimal("95000.5")));
    }

    @Test
    void imbalanceCountsOnlyTheTopLevels() {
        List<PriceLevel> bids = List.of(PriceLevel.of("100", "3"), PriceLevel.of("99", "1"));
        List<PriceLevel> asks = List.of(PriceLevel.of("101", "2"), PriceLevel.of("102", "2"));
        assertEquals(new BookImbalance(0.6, 1.5, 1), FeatureMath.imbalance(bids, asks, 1));
        assertEquals(new BookImbalance(0.5, 1.0, 2), FeatureMath.imbalance(bids, asks, 2));
        assertEquals(new BookImbalance(0.6667, 2.0, 1),
                FeatureMath.imbalance(List.of(PriceLevel.of("100", "2")), List.of(PriceLevel.of("101", "1")), 1));
    }

    @Test
    void imbalanceOfOneSidedOrEmptyBooksHasNoRatio() {
        assertEquals(new BookImbalance(1.0, null, 10),
                FeatureMath.imbalance(List.of(PriceLevel.of("100", "2")), List.of(), 10));
        assertEquals(new BookImbalance(null, null, 10), FeatureMath.imbalance(List.of(), List.of(), 10));
    }
}
