package io.signaldesk.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;

/** Baselines and the verdict on hand-made trades. */
class EvaluationTest {

    private static final Instant DAY0 = Instant.parse("2024-10-01T00:00:00Z");
    private static final FeeModel COSTS = new FeeModel(new BigDecimal("0.1"), new BigDecimal("0.05"));

    @Test
    void alwaysLongAndShortTakeTheSameEntriesAtTheSameCosts() {
        // one SHORT on 100 -> 101 (lost): always-long on the same trade nets 0.698151 % (see RoundTrip),
        // always-short -1.302152 %: fills 99.95 / 101.0505, gross -1.1005, fees 0.2010005, -1.3015005 / 99.95
        Instant at = DAY0.plusSeconds(60);
        Trade shortTrade = new Trade("BTC", "RULES", 7, PositionSide.SHORT, at, at.plusSeconds(300), 100, 101,
                RoundTrip.netPct(PositionSide.SHORT, 100, 101, COSTS));
        Scorecard s = Scorecard.of(List.of(), List.of(shortTrade), COSTS, DAY0, at, 1);
        assertEquals(0.698151, s.alwaysLong().meanPct(), 1e-6);
        assertEquals(-1.302152, s.alwaysShort().meanPct(), 1e-6);
        assertEquals(s.expectancy().meanPct(), s.alwaysShort().meanPct(), 1e-12);
        assertEquals(-1.0, s.grossMeanPct(), 1e-12);
    }

    @Test
    void directionBaselinesCountTheUpAndDownMovesAtTheSameInstants() {
        List<Call> calls = List.of(StatisticsTest.call(Direction.LONG, 7, Direction.LONG),
                StatisticsTest.call(Direction.SHORT, 7, Direction.LONG), StatisticsTest.call(Direction.SHORT, 7, Direction.SHORT));
        Scorecard s = Scorecard.of(calls, List.of(), COSTS, DAY0, DAY0, 1);
        assertEquals(2, s.direction().hits());
        assertEquals(2, s.alwaysLongDirection().hits());
        assertEquals(1, s.alwaysShortDirection().hits());
    }

    @Test
    void randomEntriesOnAFlatMarketLoseExactlyTheCosts() {
        // flat at 100: LONG nets -0.3 / 100.05 = -0.299850 %, SHORT -0.3 / 99.95 = -0.300150 %
        double[] flat = new double[500];
        java.util.Arrays.fill(flat, 100);
        List<Trade> trades = List.of(StatisticsTest.trade(0, -0.5), StatisticsTest.trade(0, 0.1));
        RandomEntries r = RandomEntries.of(Map.of("BTC", flat), DAY0, Duration.ofMinutes(1), trades, COSTS, -0.2);
        assertEquals(RandomEntries.DRAWS, r.draws());
        assertTrue(r.p5Pct() >= -0.300151 && r.p95Pct() <= -0.299849, r.toString());
        assertEquals(1.0, r.strategyRank(), 1e-12, "-0.2 % beats every draw");
        assertEquals(r, RandomEntries.of(Map.of("BTC", flat), DAY0, Duration.ofMinutes(1), trades, COSTS, -0.2));
    }

    @Test
    void verdictSaysNoEdgeWhenTheWholeIntervalIsBelowZero() {
        List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            trades.add(StatisticsTest.trade(i % 5, -0.25 - (i % 3) * 0.01)); // five days: Expectancy.MIN_DAYS
        }
        List<Call> calls = List.of(StatisticsTest.call(Direction.LONG, 7, Direction.SHORT));
        Evaluation e = Evaluation.of(calls, trades, COSTS, "5m", DAY0, DAY0.plus(5, ChronoUnit.DAYS), 1);
        assertTrue(e.verdict().startsWith("no measured edge after costs, worse than always-WAIT: expectancy -0.26"),
                e.verdict());
        assertTrue(e.verdict().contains("direction 0.0 % of 1 calls"), e.verdict());
        assertEquals(List.of("RULES"), List.copyOf(e.bySource().keySet()));
        assertEquals(List.of("7-10"), List.copyOf(e.byConfidence().keySet()));
    }

    @Test
    void manyWinningTradesOnOneDayAreNoMeasuredEdge() {
        // 40 winners, all on one UTC day (a one-day backtest with the gate off): a mean, but no by-day interval
        List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            trades.add(StatisticsTest.trade(0, 0.1 + (i % 2) * 0.05));
        }
        assertEquals("no measured edge after costs: expectancy +0.125 % per trade (all on one UTC day: no interval yet) "
                + "over 40 trades", Evaluation.of(List.of(), trades, COSTS, "5m", DAY0, DAY0, 1).verdict());
    }

    @Test
    void verdictIsPositiveOnlyWhenTheLowerBoundIsAboveZero() {
        List<Trade> winners = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            winners.add(StatisticsTest.trade(i % 5, 0.1 + (i % 2) * 0.05));
        }
        assertTrue(Evaluation.of(List.of(), winners, COSTS, "5m", DAY0, DAY0.plus(5, ChronoUnit.DAYS), 1).verdict()
                .startsWith("measured edge after costs: expectancy +0.125 % per trade"));
        List<Trade> mixed = new ArrayList<>(winners);
        for (int i = 0; i < 20; i++) {
            mixed.add(StatisticsTest.trade(0, -0.5)); // one bad day: a resample without it wins, one with it loses
        }
        assertTrue(Evaluation.of(List.of(), mixed, COSTS, "5m", DAY0, DAY0.plus(5, ChronoUnit.DAYS), 1).verdict()
                .startsWith("no measured edge after costs: expectancy"));
        assertTrue(Evaluation.of(List.of(), winners.subList(0, 5), COSTS, "5m", DAY0, DAY0, 1).verdict()
                .startsWith("too few trades to measure an edge: 5 closed (at least 30 needed), expectancy +0.120 % per trade"));
        List<Call> calls = List.of(StatisticsTest.call(Direction.LONG, 7, Direction.SHORT));
        assertEquals("no trades: nothing was entered, the result is always-WAIT's 0 %; the calls: direction 0.0 % of 1 calls "
                + "[0.0, 79.3], p 1.0", Evaluation.of(calls, List.of(), COSTS, "5m", DAY0, DAY0, 1).verdict());
    }
}
