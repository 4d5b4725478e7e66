package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import io.signaldesk.core.evaluation.Calibration;
import io.signaldesk.core.evaluation.DirectionAccuracy;
import io.signaldesk.core.evaluation.Evaluation;
import io.signaldesk.core.evaluation.Expectancy;
import io.signaldesk.core.evaluation.RandomEntries;
import io.signaldesk.core.evaluation.Scorecard;
import io.signaldesk.core.evaluation.Sharpe;
import io.signaldesk.core.evaluation.Verdict;

/** A backtest's {@link Evaluation} as Markdown (the baselines side by side, every group, calibration) and as CSV. */
final class EvaluationMarkdown {

    private EvaluationMarkdown() {
    }

    static void render(StringBuilder md, Evaluation e, RandomEntries random, BuyAndHold hold, BigDecimal returnPct) {
        Scorecard o = e.overall();
        md.append("\n## Evaluation\n\n");
        md.append(("Direction: LONG/SHORT calls whose move over %s passed the flat band, the share that went the called way, "
                + "with a Wilson 95 %% interval and the exact two-sided binomial p against 50 %%. Expectancy: mean net result "
                + "per closed trade in %% of its notional after the taker fee (%s %%) and slippage (%s %%) on each fill (a round trip "
                + "≈ %s %%), with a 95 %% interval from %,d bootstrap draws of whole UTC days (seed %d). Settings tried on "
                + "this data: %d (the deflated Sharpe's input).\n\n").formatted(e.horizon(), BacktestMarkdown.plain(e.fees().takerFeePct()),
                        BacktestMarkdown.plain(e.fees().slippagePct()), BacktestMarkdown.plain(e.fees().roundTripPct()), o.expectancy().resamples(),
                        o.expectancy().seed(), e.trials()));
        md.append("### Against baselines (the same costs)\n\n| | trades | net % per trade [95 %] | direction right [95 %] |\n"
                + "|---|---:|---:|---:|\n");
        md.append("| **strategy** | %d | %s | %s |\n".formatted(o.expectancy().trades(), expectancy(o.expectancy()),
                direction(o.direction())));
        md.append("| always-WAIT | 0 | 0 (return 0 %) | - |\n");
        md.append("| always-long (the strategy's entries and exits, long) | %d | %s | %s |\n".formatted(
                o.alwaysLong().trades(), expectancy(o.alwaysLong()), direction(o.alwaysLongDirection())));
        md.append("| always-short (the same, short) | %d | %s | %s |\n".formatted(o.alwaysShort().trades(),
                expectancy(o.alwaysShort()), direction(o.alwaysShortDirection())));
        if (random != null && random.medianPct() != null) {
            md.append(("| random entries (same count, coin, holding time, costs; random bar and side; %,d draws, seed %d) "
                    + "| %d | median %s, 5-95 %% [%s, %s]; the strategy beats %s of draws | - |\n").formatted(random.draws(),
                            random.seed(), random.tradesPerDraw(), Verdict.pct(random.medianPct()),
                            Verdict.pct(random.p5Pct()), Verdict.pct(random.p95Pct()), share(random.strategyRank())));
        }
        if (hold != null) {
            md.append("| buy-and-hold (equity split across the coins) | 1 a coin | return %s %% | - |\n".formatted(
                    BacktestMarkdown.plain(hold.returnPct())));
        }
        md.append("\nThe strategy's paper return: %s %%; before costs its trades averaged %s %% each.\n".formatted(
                BacktestMarkdown.plain(returnPct), Verdict.pct(o.grossMeanPct())));
        Sharpe sharpe = o.sharpe();
        md.append("\nSharpe: %s per trade; %s annualised (each UTC day's summed trade results over %d days, × √365); "
                .formatted(num(sharpe.perTrade()), num(sharpe.annualised()), sharpe.days())
                + (sharpe.trials() == 1
                        ? "probabilistic Sharpe %s (the probability that the true per-trade Sharpe is above 0; one setting "
                                .formatted(num(sharpe.deflated())) + "tried: give trials when more were).\n"
                        : "deflated Sharpe %s (the probability that the per-trade Sharpe beats what the best of %d settings "
                                .formatted(num(sharpe.deflated()), sharpe.trials()) + "tried would show by luck).\n"));
        md.append("\n### By source, coin and confidence\n\n| group | calls | direction right [95 %] | p | always-long | trades "
                + "| net % per trade [95 %] | before costs | Sharpe per trade | Brier |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        group(md, "overall", o);
        e.bySource().forEach((name, s) -> group(md, "source " + name, s));
        e.byCoin().forEach((name, s) -> group(md, "coin " + name, s));
        e.byConfidence().forEach((name, s) -> group(md, "confidence " + name, s));
        Calibration c = o.calibration();
        md.append(("\n### Calibration\n\nA confidence c read as a probability c/10 that the direction is right. Brier score "
                + "%s over %d calls (0 is perfect; a constant 50 %% scores 0.25).\n\n| confidence | calls | stated | observed [95 %%] |\n"
                + "|---|---:|---:|---:|\n").formatted(num(c.brier()), c.calls()));
        for (Calibration.Bucket b : c.buckets()) {
            md.append("| %s | %d | %s | %s |\n".formatted(b.bucket(), b.observed().calls(), share(b.statedProbability()),
                    direction(b.observed())));
        }
    }

    /** One line per group: the evaluation's figures, for a spreadsheet. */
    static String csv(Evaluation e) {
        StringBuilder out = new StringBuilder("group,name,directionCalls,directionHits,directionRate,directionLow,directionHigh,"
                + "pValue,alwaysLongRate,trades,days,expectancyPct,expectancyLowPct,expectancyHighPct,alwaysLongPct,"
                + "alwaysShortPct,grossPct,sharpePerTrade,sharpeAnnualised,deflatedSharpe,trials,brier\n");
        csvRow(out, "overall", "all", e.overall(), e.trials());
        e.bySource().forEach((name, s) -> csvRow(out, "source", name, s, e.trials()));
        e.byCoin().forEach((name, s) -> csvRow(out, "coin", name, s, e.trials()));
        e.byConfidence().forEach((name, s) -> csvRow(out, "confidence", name, s, e.trials()));
        return out.toString();
    }

    private static void csvRow(StringBuilder out, String group, String name, Scorecard s, int trials) {
        DirectionAccuracy d = s.direction();
        Expectancy x = s.expectancy();
        out.append(String.join(",", group, name, String.valueOf(d.calls()), String.valueOf(d.hits()), raw(d.rate()),
                raw(d.low()), raw(d.high()), raw(d.pValue()), raw(s.alwaysLongDirection().rate()), String.valueOf(x.trades()),
                String.valueOf(x.days()), raw(x.meanPct()), raw(x.lowPct()), raw(x.highPct()), raw(s.alwaysLong().meanPct()),
                raw(s.alwaysShort().meanPct()), raw(s.grossMeanPct()), raw(s.sharpe().perTrade()),
                raw(s.sharpe().annualised()), raw(s.sharpe().deflated()), String.valueOf(trials),
                raw(s.calibration().brier()))).append('\n');
    }

    private static void group(StringBuilder md, String name, Scorecard s) {
        md.append("| %s | %d | %s | %s | %s | %d | %s | %s | %s | %s |\n".formatted(name, s.direction().calls(),
                direction(s.direction()), Verdict.p(s.direction().pValue()), share(s.alwaysLongDirection().rate()),
                s.expectancy().trades(), expectancy(s.expectancy()), Verdict.pct(s.grossMeanPct()),
                num(s.sharpe().perTrade()), num(s.calibration().brier())));
    }

    static String direction(DirectionAccuracy d) {
        return d.calls() == 0 ? "-" : "%s [%s, %s]".formatted(share(d.rate()), share(d.low()), share(d.high()));
    }

    static String expectancy(Expectancy x) {
        return x.trades() == 0 ? "-" : Verdict.pct(x.meanPct()) + Verdict.interval(x);
    }

    /** A 0-1 share as a percent, one decimal. */
    static String share(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    private static String num(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String raw(Double value) {
        return value == null ? "" : String.valueOf(value);
    }

}
