package io.signaldesk.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.paper.PaperMath;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;

/** The evaluation's statistics on small hand-checked cases (each case's arithmetic beside it). */
class StatisticsTest {

    private static final Instant DAY0 = Instant.parse("2024-10-01T00:00:00Z");

    @Test
    void wilsonIntervalAndExactPValueOfEightHitsInTen() {
        // p = 0.8, z² = 3.841459: centre (0.8 + 0.192073) / 1.384146 = 0.716740,
        // half 1.959964 / 1.384146 × √(0.016 + 0.009604) = 0.226578 -> [0.490162, 0.943318];
        // P(X >= 8 | n 10, ½) = (45 + 10 + 1) / 1024 = 0.0546875, two-sided 0.109375
        DirectionAccuracy d = DirectionAccuracy.of(8, 10);
        assertEquals(0.8, d.rate(), 1e-12);
        assertEquals(0.490162, d.low(), 1e-6);
        assertEquals(0.943318, d.high(), 1e-6);
        assertEquals(0.109375, d.pValue(), 1e-12);
    }

    @Test
    void aShareIsItsCountWithTheSameWilsonIntervalAndNoPValue() {
        // 8 of 10 answers: the interval above, [0.490162, 0.943318]; a share is not a call, so nothing tests it against 50 %
        Proportion share = Proportion.of(8, 10);
        assertEquals(8, share.count());
        assertEquals(10, share.total());
        assertEquals(0.8, share.rate(), 1e-12);
        assertEquals(0.490162, share.low(), 1e-6);
        assertEquals(0.943318, share.high(), 1e-6);
        assertNull(Proportion.of(0, 0).rate());
    }

    @Test
    void aCoinFlipResultHasPValueOneAndNoCallsHaveNoFigures() {
        assertEquals(1.0, DirectionAccuracy.of(5, 10).pValue(), 1e-12); // 2 × 638/1024 capped at 1
        DirectionAccuracy none = DirectionAccuracy.of(0, 0);
        assertNull(none.rate());
        assertNull(none.pValue());
    }

    @Test
    void pValueHoldsForTenThousandCalls() {
        // the 2025 figure: 47.9 % of 10,111; the exact binomial (scipy.stats.binomtest) gives 1.7325e-05
        assertEquals(1.7325e-05, DirectionAccuracy.of(4839, 10111).pValue(), 1e-8);
    }

    @Test
    void normalQuantileAndCdf() {
        assertEquals(1.959964, Normal.quantile(0.975), 1e-6);
        assertEquals(-2.326348, Normal.quantile(0.01), 1e-6);
        assertEquals(0.975002, Normal.cdf(1.96), 1e-6);
        assertEquals(0.5, Normal.cdf(0), 1e-7);
    }

    @Test
    void roundTripMatchesPaperMath() {
        // LONG 100 -> 101, fee 0.1 %, slippage 0.05 %: fills 100.05 / 100.9495, gross 0.8995, fees 0.2009995,
        // net 0.6985005 / 100.05 = 0.698151 %
        FeeModel fees = new FeeModel(new BigDecimal("0.1"), new BigDecimal("0.05"));
        assertEquals(0.698151, RoundTrip.netPct(PositionSide.LONG, 100, 101, fees), 1e-6);
        BigDecimal slip = new BigDecimal("0.05");
        BigDecimal fee = new BigDecimal("0.1");
        for (PositionSide side : PositionSide.values()) {
            BigDecimal entry = PaperMath.fillPrice(ProposalKind.ENTRY, side, new BigDecimal("100"), slip);
            BigDecimal exit = PaperMath.fillPrice(ProposalKind.EXIT, side, new BigDecimal("98.7"), slip);
            BigDecimal net = PaperMath.netPnl(side, entry, exit, BigDecimal.ONE, PaperMath.fee(BigDecimal.ONE, entry, fee),
                    PaperMath.fee(BigDecimal.ONE, exit, fee));
            assertEquals(net.doubleValue() / entry.doubleValue() * 100, RoundTrip.netPct(side, 100, 98.7, fees), 1e-7);
        }
    }

    @Test
    void expectancyIntervalResamplesWholeDays() {
        // five days: -1 once, +1 four times. A draw of five days holds k days of -1, k ~ Binomial(5, 0.2), mean 1 - 2k/5;
        // P(k >= 3) = 0.058 and P(k >= 4) = 0.007 put the 2.5 % point at k = 3 (-0.2); P(k = 0) = 0.328 the 97.5 % at +1
        List<Trade> trades = List.of(trade(0, -1), trade(1, 1), trade(2, 1), trade(3, 1), trade(4, 1));
        Expectancy e = Expectancy.byDay(trades);
        assertEquals(5, e.trades());
        assertEquals(5, e.days());
        assertEquals(0.6, e.meanPct(), 1e-12);
        assertEquals(-0.2, e.lowPct(), 1e-12);
        assertEquals(1, e.highPct(), 1e-12);
        assertEquals(e, Expectancy.byDay(trades), "seeded: the same every time");
    }

    @Test
    void thirtyWinningTradesOnTwoDaysClaimNoEdge() {
        // two days give at most three distinct resampled means (day 1, day 2, both): [+0.5, +1.0] would read as a
        // measured edge on what is two observations; under Expectancy.MIN_DAYS (5) days there is no interval
        List<Trade> trades = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            trades.add(trade(0, 1.0));
            trades.add(trade(1, 0.5));
        }
        Expectancy e = Expectancy.byDay(trades);
        assertEquals(30, e.trades());
        assertEquals(2, e.days());
        assertEquals(0.75, e.meanPct(), 1e-12);
        assertNull(e.lowPct());
        assertNull(e.highPct());
        assertFalse(e.positive());
        assertEquals(" (2 UTC days, 5 needed: no interval yet)", Verdict.interval(e));
        List<Trade> four = new java.util.ArrayList<>(trades);
        four.add(trade(2, 0.5));
        four.add(trade(3, 0.5));
        assertNull(Expectancy.byDay(four).lowPct(), "four days: still none");
        four.add(trade(4, 0.5));
        assertTrue(Expectancy.byDay(four).positive(), "five days: an interval, here wholly above zero");
    }

    @Test
    void tradesOnOneDayHaveTheirMeanButNoInterval() {
        // one day has no spread between days to resample: a zero-width [-0.1, -0.1] would read as certainty
        Expectancy e = Expectancy.byDay(List.of(trade(0, 0.2), trade(0, -0.4)));
        assertEquals(-0.1, e.meanPct(), 1e-12);
        assertEquals(1, e.days());
        assertNull(e.lowPct());
        assertNull(e.highPct());
        assertFalse(e.positive());
        assertEquals(" (all on one UTC day: no interval yet)", Verdict.interval(e));
    }

    @Test
    void sharpePerTradeAnnualisedAndDeflated() {
        // returns 1, -1, 2, 0 on four days: mean 0.5, sample sd √(5/3) = 1.290994, Sharpe 0.387298, × √365 = 7.399324;
        // skew 0, kurtosis 1.64: PSR = Φ(0.387298 × √3 / √(1 + 0.16 × 0.15)) = 0.746307 (scipy);
        // ten trials: benchmark √(1/3) × (0.4228 Φ⁻¹(0.9) + 0.5772 Φ⁻¹(1 − 1/(10e))) = 0.909095 -> 0.185895
        List<Trade> trades = List.of(trade(0, 1), trade(1, -1), trade(2, 2), trade(3, 0));
        Instant end = DAY0.plus(3, ChronoUnit.DAYS).plusSeconds(3600);
        Sharpe one = Sharpe.of(trades, DAY0, end, 1);
        assertEquals(0.387298, one.perTrade(), 1e-6);
        assertEquals(7.399324, one.annualised(), 1e-6);
        assertEquals(4, one.days());
        assertEquals(0.746307, one.deflated(), 1e-5);
        assertEquals(0.185895, Sharpe.of(trades, DAY0, end, 10).deflated(), 1e-5);
    }

    @Test
    void brierScoreAndReliabilityByBucket() {
        // confidence 8 hit, 8 miss, 6 hit: (0.8-1)² + 0.8² + (0.6-1)² = 0.04 + 0.64 + 0.16, / 3 = 0.28;
        // a WAIT call and a call whose move stayed in the band are not counted
        List<Call> calls = List.of(call(Direction.LONG, 8, Direction.LONG), call(Direction.SHORT, 8, Direction.LONG),
                call(Direction.LONG, 6, Direction.LONG), call(Direction.WAIT, 9, Direction.LONG),
                call(Direction.LONG, 9, Direction.WAIT));
        Calibration c = Calibration.of(calls);
        assertEquals(3, c.calls());
        assertEquals(0.28, c.brier(), 1e-12);
        assertEquals(2, c.buckets().size());
        assertEquals("4-6", c.buckets().get(0).bucket());
        assertEquals(0.6, c.buckets().get(0).statedProbability(), 1e-12);
        assertEquals(1, c.buckets().get(0).observed().hits());
        assertEquals("7-10", c.buckets().get(1).bucket());
        assertEquals(0.5, c.buckets().get(1).observed().rate(), 1e-12);
    }

    static Trade trade(int day, double netPct) {
        Instant at = DAY0.plus(day, ChronoUnit.DAYS).plusSeconds(600);
        return new Trade("BTC", "RULES", 7, PositionSide.LONG, at, at.plusSeconds(300), 100, 100, netPct);
    }

    static Call call(Direction direction, int confidence, Direction actual) {
        return new Call("BTC", "RULES", direction, confidence, DAY0, actual == Direction.LONG ? 0.3 : 0, actual);
    }
}
