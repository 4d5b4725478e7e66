package io.signaldesk.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Student's t against published table values (scipy.stats.t 1.17 gives the same to the digits shown). */
class StudentTTest {

    @Test
    void quantilesMatchTheTables() {
        assertEquals(12.706205, StudentT.quantile(0.975, 1), 1e-5);
        assertEquals(4.302653, StudentT.quantile(0.975, 2), 1e-5);
        assertEquals(2.262157, StudentT.quantile(0.975, 9), 1e-5);
        assertEquals(2.045230, StudentT.quantile(0.975, 29), 1e-5);
        assertEquals(1.971957, StudentT.quantile(0.975, 199), 1e-5);
        assertEquals(-4.302653, StudentT.quantile(0.025, 2), 1e-5);
    }

    @Test
    void cdfMatchesTheTablesAndTendsToTheNormal() {
        assertEquals(0.896, StudentT.cdf(1.5, 4), 1e-9);
        assertEquals(0.248637077, StudentT.cdf(-0.7, 12), 1e-8);
        assertEquals(Normal.quantile(0.975), StudentT.quantile(0.975, 1e6), 1e-4);
    }

    @Test
    void aSmallSamplesIntervalIsWiderThanTheNormalOne() {
        // n = 3, stdev 1: t(2) 4.302653 / √3 = 2.484138 against z 1.959964 / √3 = 1.131586 (2.2 times)
        assertEquals(2.484138, StudentT.halfWidth(1, 3, 0.95), 1e-5);
        assertTrue(Double.isNaN(StudentT.halfWidth(1, 1, 0.95)), "no interval from one value");
    }
}
