package io.signaldesk.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.market.BookImbalance;

class FeatureMathTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void changeIsPercentOfTheReferencePriceAtFourDecimals() {
        assertEquals(d("1.0000"), FeatureMath.changePct(d("100"), d("101")));
        // (94050 - 95000) / 95000 = -1 %
        assertEquals(d("-1.0000"), FeatureMath.changePct(d("95000"), d("94050")));
        // 1 / 3000 = 0.0333... %
        assertEquals(d("0.0333"), FeatureMath.changePct(d("3000"), d("3001")));
        // 0.00005 % rounds half-even to 0.0000 (2 / 4_000_000 = 0.00005)
        assertEquals(d("0.0000"), FeatureMath.changePct(d("4000000"), d("4000002")));
        assertNull(FeatureMath.changePct(null, BigDecimal.ONE));
        assertNull(FeatureMath.changePct(BigDecimal.ZERO, BigDecimal.ONE));
    }

    @Test
    void volatilityIsSampleStdevOfLogReturnsInPercent() {
        double r = Math.log(1.1);
        // returns +ln 1.1 and -ln 1.1: mean 0, sample variance 2 r^2 / 1, stdev r x sqrt 2 = 0.134789 -> 13.4789 %
        assertEquals(d("13.4789"), FeatureMath.stdevPct(2, 0.0, 2 * r * r));
        assertNull(FeatureMath.stdevPct(1, r, r * r));
    }

    @Test
    void vwapDividesNotionalByVolume() {
        // 100 x 1 + 110 x 3 = 430 over 4
        assertEquals(d("107.5"), FeatureMath.vwap(d("430"), d("4")));
        assertNull(FeatureMath.vwap(BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void midAndSpreadComeFromTheBestPrices() {
        assertEquals(d("100.25"), FeatureMath.mid(d("100.10"), d("100.40")));
        assertEquals(d("0.30"), FeatureMath.spread(d("100.10"), d("100.40")));
        assertEquals(d("95000"), FeatureMath.mid(d("94999.5"), d("95000.5")));
        assertNull(FeatureMath.mid(null, d("1")));
    }

    @Test
    void imbalanceCountsOnlyTheTopLevels() {
        List<BigDecimal> bids = List.of(d("3"), d("1"));
        List<BigDecimal> asks = List.of(d("2"), d("2"));
        // top 1: 3 / (3 + 2) = 0.6, 3 / 2 = 1.5
        assertEquals(new BookImbalance(d("0.6000"), d("1.5000"), 1), FeatureMath.imbalance(bids, asks, 1));
        // top 2: 4 / 8 = 0.5, 4 / 4 = 1
        assertEquals(new BookImbalance(d("0.5000"), d("1.0000"), 2), FeatureMath.imbalance(bids, asks, 2));
        // 2 / 3 = 0.66666 -> 0.6667
        assertEquals(new BookImbalance(d("0.6667"), d("2.0000"), 1),
                FeatureMath.imbalance(List.of(d("2")), List.of(d("1")), 1));
    }

    @Test
    void imbalanceOfOneSidedOrEmptyBooksHasNoRatio() {
        assertEquals(new BookImbalance(d("1.0000"), null, 10), FeatureMath.imbalance(List.of(d("2")), List.of(), 10));
        assertEquals(new BookImbalance(null, null, 10), FeatureMath.imbalance(List.of(), List.of(), 10));
    }
}
