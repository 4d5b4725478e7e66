package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.core.evaluation.Verdict;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * The Markdown report a trader opens, on the first two hours of the real BTC and ETH candles (backtest/*-1m-slice.csv,
 * 2024-10-01 03:00 → 05:00 UTC; fee 0.1 %, slippage 0.05 %) with the rules' momentum threshold at 0.05 % and the edge
 * gate off, so the live engine trades (22 round trips, 1 winner: momentum on 1-minute candles does not pay the round
 * trip): the verdict first, then the trader's summary, every figure of it the account's own, money to the cent, no
 * Java toString, and no hit rate in which a WAIT counts.
 */
class BacktestMarkdownTest {

    @Test
    void opensWithTheVerdictAndATradersSummaryOfTheAccountsOwnFigures() throws Exception {
        BacktestReport report = run();
        BacktestReport.Paper p = report.paper();
        assertTrue(p.trades() >= 2, "the engine must trade these hours for the summary to say something: " + p.trades());
        assertTrue(p.wins() > 0 && p.losses() > 0, "winners and losers both: " + p.wins() + " / " + p.losses());
        // the winners' and losers' realised P&L add up to the account's realised P&L, computed apart by the ledger
        assertEquals(0, p.grossProfit().add(p.grossLoss()).compareTo(p.realizedPnl()),
                p.grossProfit() + " + " + p.grossLoss() + " vs " + p.realizedPnl());
        assertEquals(p.trades(), p.wins() + p.losses(), "no trade of exactly zero on real prices with fees");

        String md = BacktestMarkdown.render(report);
        // 2024-10-01 03:00 → 05:00 is in the weeks the defaults were tuned on: said in bold under the verdict
        assertTrue(md.startsWith("# Backtest — RULES mode, BTC, ETH, live engine\n\n**Verdict: " + report.verdict()
                + "**\n\n**In-sample: the defaults were tuned on 2024-10-01 03:00 → 2024-10-21 00:00 UTC (Binance BTC, ETH "
                + "and SOL 1-minute candles), which this period overlaps; these figures flatter the strategy; this run "
                + "changes the rules' thresholds from the defaults: the data they were chosen on is not known here, and a "
                + "period they were chosen by looking at is in-sample for them.**\n\n## Summary\n"), md);

        long seconds = java.time.Duration.between(report.from(), report.to()).getSeconds();
        String perDay = BigDecimal.valueOf(p.trades() * 86_400L).divide(BigDecimal.valueOf(seconds), 2, RoundingMode.HALF_EVEN)
                .toPlainString();
        assertRow(md, "closed trades", "%d (%s a day): %d won, %d lost; ".formatted(p.trades(), perDay, p.wins(), p.losses()));
        assertRow(md, "average win / average loss", cents(p.grossProfit().divide(BigDecimal.valueOf(p.wins()), 8,
                RoundingMode.HALF_EVEN)) + " / " + cents(p.grossLoss().divide(BigDecimal.valueOf(p.losses()), 8,
                        RoundingMode.HALF_EVEN)) + " USDT");
        assertRow(md, "profit factor", p.grossProfit().divide(p.grossLoss().negate(), 2, RoundingMode.HALF_EVEN).toPlainString()
                + " (won " + cents(p.grossProfit()) + ", lost " + cents(p.grossLoss()) + " USDT)");
        var expectancy = report.evaluation().overall().expectancy();
        assertEquals(p.trades(), expectancy.trades(), "the evaluation's closed trades are the account's");
        assertRow(md, "expectancy per closed trade", cents(p.realizedPnl().divide(BigDecimal.valueOf(p.trades()), 8,
                RoundingMode.HALF_EVEN)) + " USDT; " + Verdict.pct(expectancy.meanPct()) + " % of its notional after costs"
                + Verdict.interval(expectancy) + " |");
        assertFalse(md.contains("[95 %: -, -]"), "no empty interval: the verdict's text for a missing one");
        assertRow(md, "max drawdown", cents(p.maxDrawdown()) + " USDT (");
        assertRow(md, "return", p.returnPct().setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " % (10,000.00 → "
                + cents(p.finalEquity()) + " USDT), fees " + cents(p.fees()) + " |");
        assertRow(md, "baselines, same data and costs", "always-WAIT 0.00 %; buy-and-hold "
                + report.buyAndHold().returnPct().setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %; random entries");

        assertFalse(md.toLowerCase().contains("hit rate") || md.contains("momentum-only"), "no hit rate where WAIT counts: " + md);
        assertFalse(Pattern.compile("[A-Z][A-Za-z]+\\[[a-z][A-Za-z]*=").matcher(md).find(), "no record toString: " + md);
        assertFalse(Pattern.compile("\\{[A-Z_]+=").matcher(md).find(), "no map toString: " + md);
        assertFalse(md.contains("%s") || md.contains("%d"), "every placeholder filled: " + md);
        String summary = md.substring(md.indexOf("## Summary"), md.indexOf("\n\n", md.indexOf("| period")));
        assertFalse(Pattern.compile("\\d\\.\\d{3,} USDT").matcher(summary).find(), "money to the cent: " + summary);
    }

    @Test
    void aTraderSummaryOfNoTradeSaysSoWithoutDividingByZero() throws Exception {
        BacktestReport report = run("0.5"); // momentum 0.5 % a minute: no setup in these calm hours
        assertEquals(0, report.paper().trades());
        String md = BacktestMarkdown.render(report);
        assertRow(md, "closed trades", "0 (0.00 a day): 0 won, 0 lost; 0 positions still open at the end (valued at what closing would realise, exit costs taken)");
        assertRow(md, "average win / average loss", "- / - USDT");
        assertRow(md, "profit factor", "- (no trade) |");
        assertRow(md, "expectancy per closed trade", "- USDT |");
    }

    private static void assertRow(String md, String name, String startOfValue) {
        assertTrue(md.contains("| " + name + " | " + startOfValue), "row '" + name + "' should start with '" + startOfValue
                + "':\n" + md);
    }

    private static String cents(BigDecimal value) {
        return "%,.2f".formatted(value.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static BacktestReport run() throws Exception {
        return run("0.05");
    }

    private static BacktestReport run(String momentumPct) throws Exception {
        Path dir = Path.of(BacktestMarkdownTest.class.getResource("/backtest/BTCUSDT-1m-slice.csv").toURI()).getParent();
        BacktestConfig live = new BacktestConfig(Map.of("strategy.edge.mode", "off"), new ModeSetting(Mode.RULES, Policy.VETO),
                false, 1, new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 60, 3,
                        new BigDecimal("0.2")));
        BacktestService service = new BacktestService(() -> live, DataDirectory.confined(dir.getParent(), "the test"));
        return service.run(new BacktestRequest(null, List.of("backtest/BTCUSDT-1m-slice.csv", "backtest/ETHUSDT-1m-slice.csv"),
                null, null, null, null, null, null, null, new BigDecimal(momentumPct),
                null, null, new BigDecimal("0.1"), new BigDecimal("0.05"), null, null, null, null, null, null, null,
                null, null, null, null, "backtest-test", null));
    }
}
