package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Side;
import io.signaldesk.decision.service.RulesStrategy;

/**
 * The hand-made path {@code backtest/path-TST.csv}, closes 100, 100, 101, 102, 102, 100.5, 100.52, with
 * momentum threshold 0.2 %, flat band 0.05 %, fee 0.1 %, no slippage, size 10 %:
 * <pre>
 * bar  close   momentum    signal (conf)   paper
 *  1   100      0 %        WAIT (5)
 *  2   101     +1 %        LONG (8)        buy 9.900990 @ 101, fee 0.99999999
 *  3   102     +0.990 %    LONG (8)        hold (equity peaks at 10008.90099001)
 *  4   102      0 %        WAIT (5)        hold
 *  5   100.5   -1.471 %    SHORT (8)       sell @ 100.5: gross -4.950495, fee 0.99504950
 *  6   100.52  +0.0199 %   WAIT (5)
 * </pre>
 * 1-minute horizon (bars 1-5): next moves +1 (LONG), +0.99 (LONG), 0 (flat), -1.47 (SHORT), +0.0199 (flat):
 * one hit (bar 2) of 5; always-WAIT 2 of 5; buy-and-hold 2 of 5. 2-minute horizon (bars 1-4): moves +2,
 * +0.99, -1.47, -1.45: one hit (bar 2) of 4; always-WAIT 0; buy-and-hold 2 of 4.
 */
class BacktestScoringTest {

    private static final BigDecimal MOMENTUM = new BigDecimal("0.2");

    @Test
    void handMadePathGivesTheHandComputedHitRatesPnlAndDrawdown() throws Exception {
        BacktestReport report = run(Mode.RULES);

        Scoreboard.HorizonScores oneMinute = report.scoring().get(0);
        assertEquals(1, oneMinute.horizonMinutes());
        assertStats(oneMinute.overall(), 5, 1, "0.2", "0.4", "0.4");
        assertStats(oneMinute.directionalOnly(), 3, 1, "0.3333", "0.6667", "0.3333");
        assertStats(oneMinute.byCoin().get("TST"), 5, 1, "0.2", "0.4", "0.4");
        assertStats(oneMinute.bySource().get("RULES"), 5, 1, "0.2", "0.4", "0.4");
        assertStats(oneMinute.byConfidence().get("4-6"), 2, 0, "0", "0", "0.5");
        assertStats(oneMinute.byConfidence().get("7-10"), 3, 1, "0.3333", "0.6667", "0.3333");
        assertStats(oneMinute.byDirection().get("LONG"), 2, 1, "0.5", "0.5", "0.5");
        assertStats(oneMinute.byDirection().get("SHORT"), 1, 0, "0", "1", "0");

        Scoreboard.HorizonScores twoMinutes = report.scoring().get(1);
        assertEquals(2, twoMinutes.horizonMinutes());
        assertStats(twoMinutes.overall(), 4, 1, "0.25", "0", "0.5");

        PaperBook.Summary paper = report.paper();
        assertEquals(1, paper.trades());
        assertEquals(0, paper.wins());
        assertNumber("9993.05445551", paper.finalEquity());
        assertNumber("-6.94554449", paper.netPnl());
        assertNumber("-0.0695", paper.returnPct());
        assertNumber("1.99504949", paper.fees());
        assertNumber("15.8465345", paper.maxDrawdown());
        assertNumber("0.1583", paper.maxDrawdownPct());
        assertEquals(Map.of("SIGNAL_REVERSED", 1), paper.exitsByReason());
        BacktestTrade trade = report.lastTrades().get(0);
        assertEquals(Side.LONG, trade.side());
        assertNumber("101", trade.entryPrice());
        assertNumber("100.5", trade.exitPrice());
        assertNumber("9.90099", trade.qty());

        // Buy-and-hold: 10000 / 1.001 spent at 100 -> 99.900099 units, sold at 100.52, fee both ways.
        assertNumber("10031.92", report.buyAndHold().finalEquity());
        assertNumber("0.3192", report.buyAndHold().returnPct());
        assertNumber("1.4706", report.buyAndHold().maxDrawdownPct());
        assertNull(report.ai());
        assertTrue(report.degradation().get(0).contains("abstain"));
    }

    @Test
    void candleRulesAreTheEngineRulesWithBookAndFlowExactlyAtTheirThresholds() {
        RulesStrategy engine = new RulesStrategy(MOMENTUM, new BigDecimal("0.55"), new BigDecimal("1.2"));
        CandleRules candles = new CandleRules(engine, MOMENTUM);
        for (String m : List.of("0.1", "0.2", "0.39", "0.4", "0.8", "1.5", "-0.2", "-0.45", "-0.9", "-0.19", "0")) {
            BigDecimal momentum = new BigDecimal(m);
            boolean up = momentum.signum() >= 0;
            // Book and flow exactly at the thresholds: they let the signal through and add no confidence.
            var coin = new io.signaldesk.decision.client.FeedCoin("TST", "TSTUSDT", "TEST", BigDecimal.TEN, null, null,
                    null, null, momentum,
                    new io.signaldesk.decision.client.FeedCoin.BookImbalance(new BigDecimal(up ? "0.55" : "0.45"), null, 10),
                    new io.signaldesk.decision.client.FeedCoin.Trades60s(1, 1, new BigDecimal(up ? "1.2" : "1"),
                            new BigDecimal(up ? "1" : "1.2")),
                    null, null, 0L, null);
            var live = engine.evaluate(coin);
            var candle = candles.evaluate(momentum);
            assertEquals(live.direction(), candle.direction(), "direction at momentum " + m);
            assertEquals(live.confidence(), candle.confidence(), "confidence at momentum " + m);
        }
    }

    static BacktestReport run(Mode mode) throws URISyntaxException {
        Path file = Path.of(BacktestScoringTest.class.getResource("/backtest/path-TST.csv").toURI());
        AlignedCandles data = AlignedCandles.align(List.of(CandleCsvReader.read("TST", file)), null, null);
        BacktestSettings settings = new BacktestSettings(mode, new BigDecimal("0.1"), BigDecimal.ZERO,
                new BigDecimal("0.05"), MOMENTUM, new BigDecimal("10000"), BigDecimal.TEN, new BigDecimal("1.5"),
                new BigDecimal("3"), List.of(1, 2), 1, null);
        RulesStrategy engine = new RulesStrategy(MOMENTUM, new BigDecimal("0.55"), new BigDecimal("1.2"));
        return new BacktestRunner(new CandleRules(engine, MOMENTUM), null).run(data, settings, Map.of("TST", file.toString()));
    }

    static void assertStats(Scoreboard.Stats stats, int signals, int hits, String hitRate, String waitRate, String holdRate) {
        assertEquals(signals, stats.signals(), "signals");
        assertEquals(hits, stats.hits(), "hits");
        assertNumber(hitRate, stats.hitRate());
        assertNumber(waitRate, stats.alwaysWaitHitRate());
        assertNumber(holdRate, stats.buyAndHoldHitRate());
    }

    static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
