package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.signaldesk.core.evaluation.Verdict;
import io.signaldesk.core.strategy.Tuning;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.engine.SignalOutcomes.Stats;
import io.signaldesk.decision.engine.SignalScoringService.HorizonAccuracy;

/**
 * The report as Markdown (the verdict, a trader's summary, what ran, the evaluation against the baselines, decisions, the
 * paper account, direction at each horizon) and the decisions as CSV. Money to the cent, counts as a reader writes them.
 */
public final class BacktestMarkdown {

    private BacktestMarkdown() {
    }

    /** The period against the defaults' tuning, as a sentence; in-sample in bold (the figures flatter the strategy). */
    static String sample(Tuning.Sample sample) {
        String note = Character.toUpperCase(sample.note().charAt(0)) + sample.note().substring(1) + ".";
        return sample.kind() == Tuning.Kind.IN_SAMPLE ? "**" + note + "**" : note;
    }

    public static String render(BacktestReport r) {
        StringBuilder md = new StringBuilder();
        BacktestSettings s = r.settings();
        md.append("# Backtest — %s%s mode, %s, live engine\n\n".formatted(r.mode(),
                r.mode().equals("HYBRID") ? " " + s.policy() : "", String.join(", ", r.coins())));
        md.append("**Verdict: ").append(r.verdict()).append("**\n\n");
        if (r.sample() != null) {
            md.append(sample(r.sample())).append("\n\n");
        }
        summary(md, r);
        md.append("- Data: %s, %s → %s (market time), %,d frames in %,d ms (%,d frames/s)\n".formatted(r.data(), r.from(),
                r.to(), r.frames(), r.elapsedMs(), r.framesPerSecond()));
        r.inputs().forEach((name, what) -> md.append("- Input `%s`: %s\n".formatted(name, what)));
        md.append(("- Settings: confirmation %s (auto at confidence ≥ %d), entry cooldown %d s, exit check every %d s or "
                + "on a %s %% adverse move; rules momentum %s %%, bid share %s, flow ratio %s; fee %s %%, slippage %s %%, "
                + "size %s %% of equity, stop-loss %s %%, take-profit %s %%; risk limits %s\n").formatted(
                        s.requireConfirmation() ? "on" : "off", s.autoMinConfidence(), s.entryCooldownSeconds(),
                        s.exitCheckEverySeconds(), plain(s.adverseMovePct()), plain(s.momentumPct()), plain(s.bidShare()),
                        plain(s.flowRatio()), plain(s.feePct()), plain(s.slippagePct()), plain(s.sizePct()),
                        plain(s.stopLossPct()), plain(s.takeProfitPct()), limits(s)));
        r.notes().forEach(note -> md.append("- Note: ").append(note).append('\n'));
        r.dataNotes().stream().limit(20).forEach(note -> md.append("- Data: ").append(note).append('\n'));
        if (r.ai() != null) {
            md.append("- Analyzer %s: %d calls, %d failed, average %s ms; answered by model calls %d, cache %d, analyzer rules %d\n"
                    .formatted(r.ai().analyzerUrl(), r.ai().calls(), r.ai().failures(), r.ai().averageLatencyMs() == null ? "-"
                            : "%.0f".formatted(r.ai().averageLatencyMs()), r.ai().answered().model(), r.ai().answered().cache(),
                            r.ai().answered().rules()));
            if (r.ai().sentiment() != null) {
                BacktestReport.SentimentUsage sentiment = r.ai().sentiment();
                md.append("- Scheduled sentiment every %d s of market time: %d asks (model %d, analyzer rules %d, failed %d), "
                        .formatted(sentiment.everySeconds(), sentiment.asks(), sentiment.ai(), sentiment.rulesFallback(),
                                sentiment.failed()) + "average %s ms\n".formatted(sentiment.averageLatencyMs() == null ? "-"
                                        : "%.0f".formatted(sentiment.averageLatencyMs())));
            }
        }
        if (r.evaluation() != null) {
            EvaluationMarkdown.render(md, r.evaluation(), r.randomEntries(), r.buyAndHold(), r.paper().returnPct());
        }
        md.append("\n## Decisions\n\n%,d in all: %s\n".formatted(r.decisionsTotal(), counts(r.decisionCounts())));
        BacktestReport.Paper p = r.paper();
        md.append("\n## Paper account\n\n| | |\n|---|---:|\n");
        row(md, "initial equity", money(p.initialEquity()));
        row(md, "final equity (open positions marked)", money(p.finalEquity()));
        row(md, "return", plain(p.returnPct()) + " %");
        row(md, "realised / unrealised P&L (after exit costs)", money(p.realizedPnl()) + " / " + money(p.unrealizedPnl()));
        row(md, "fees", money(p.fees()));
        row(md, "entries / closed trades / winners", p.entries() + " / " + p.trades() + " / " + p.wins());
        row(md, "max drawdown", money(p.maxDrawdown()) + " (" + plain(p.maxDrawdownPct()) + " %)");
        row(md, "exits", counts(p.exitsByReason()));
        row(md, "proposals", counts(p.proposalsByStatus()));
        if (r.buyAndHold() != null) {
            row(md, "buy-and-hold return / max drawdown", plain(r.buyAndHold().returnPct()) + " % / "
                    + plain(r.buyAndHold().maxDrawdownPct()) + " %");
        }
        md.append(("\n## Direction at each horizon\n\nLONG/SHORT calls of every scored signal (the rules sampled on market "
                + "time, the model's answers) whose move passed ±%s %%, and the share that went the called way (Wilson 95 %%); "
                + "always-long: the share of those moves that went up. %d signals still pending at the end.\n\n")
                .formatted(r.scoring().flatBandPct(), r.scoring().pendingSignals()));
        md.append("| horizon | group | signals scored | direction calls | direction right [95 %] | always-long |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        for (HorizonAccuracy h : r.scoring().byHorizon()) {
            stats(md, h.horizon(), "overall", h.overall());
            h.bySource().forEach((source, stats) -> stats(md, h.horizon(), "source " + source, stats));
            h.byCoin().forEach((coin, stats) -> stats(md, h.horizon(), "coin " + coin, stats));
        }
        if (!r.lastTrades().isEmpty()) {
            md.append("\n## Last fills\n\n| at | coin | kind | side | qty | price | fee | realised |\n|---|---|---|---|---:|---:|---:|---:|\n");
            for (Fill f : r.lastTrades()) {
                md.append("| %s | %s | %s | %s | %s | %s | %s | %s |\n".formatted(f.at(), f.coin(), f.kind(), f.side(),
                        plain(f.qty()), plain(f.price()), money(f.fee()), money(f.realizedPnl())));
            }
        }
        return md.toString();
    }

    /** The decisions CSV's first line. */
    static final String CSV_HEADER = "marketAt,coin,kind,outcome,direction,source,confidence,price,proposalStatus,"
            + "fallbackReason,refusedBy,resizedBy,ruleReason\n";

    /** Every decision, one a line: what a trader needs to check a run against the market. */
    public static String csv(List<BacktestDecision> decisions) {
        StringBuilder out = new StringBuilder(CSV_HEADER);
        decisions.forEach(d -> out.append(csvRow(d)));
        return out.toString();
    }

    /** One decision's line of the CSV (a run writes them as they are made). */
    static String csvRow(BacktestDecision d) {
        return String.join(",", String.valueOf(d.marketAt()), d.coin(), text(d.kind()), text(d.outcome()),
                text(d.direction()), text(d.source()), d.confidence() == null ? "" : d.confidence().toString(),
                d.price() == null ? "" : plain(d.price()), text(d.proposalStatus()), text(d.fallbackReason()),
                text(d.refusedBy()), text(d.resizedBy()), quoted(d.ruleReason())) + "\n";
    }

    private static void stats(StringBuilder md, String horizon, String group, Stats s) {
        md.append("| %s | %s | %,d | %,d | %s | %s |\n".formatted(horizon, group, s.scored(), s.direction().calls(),
                EvaluationMarkdown.direction(s.direction()), EvaluationMarkdown.share(s.alwaysLong().rate())));
    }

    /** The trader's summary under the verdict: what was traded, how the wins and losses compare, the baselines. */
    private static void summary(StringBuilder md, BacktestReport r) {
        TraderSummary t = TraderSummary.of(r);
        BacktestReport.Paper p = r.paper();
        md.append("## Summary\n\n| | |\n|---|---|\n");
        row(md, "period", "%s → %s (market time), %s days; %s".formatted(r.from(), r.to(),
                t.days() == null ? "-" : t.days().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                String.join(", ", r.coins())));
        row(md, "closed trades", ("%,d (%s a day): %,d won, %,d lost; %d position%s still open at the end (valued at "
                + "what closing would realise, exit costs taken)").formatted(
                t.trades(), t.tradesPerDay() == null ? "-" : t.tradesPerDay().toPlainString(), t.wins(), t.losses(),
                r.openPositions().size(), r.openPositions().size() == 1 ? "" : "s"));
        row(md, "average win / average loss", money(t.averageWin()) + " / " + money(t.averageLoss()) + " USDT");
        row(md, "profit factor", t.trades() == 0 ? "- (no trade)"
                : (t.profitFactor() == null ? "- (no losing trade)" : t.profitFactor().toPlainString())
                        + " (won %s, lost %s USDT)".formatted(money(p.grossProfit()), money(p.grossLoss())));
        row(md, "expectancy per closed trade", money(t.expectancy()) + " USDT"
                + (t.expectancyPct() == null || t.expectancyPct().trades() == 0 ? ""
                        : "; %s %% of its notional after costs%s".formatted(
                                Verdict.pct(t.expectancyPct().meanPct()), Verdict.interval(t.expectancyPct()))));
        row(md, "return", "%s %% (%s → %s USDT), fees %s".formatted(percent(p.returnPct()), money(p.initialEquity()),
                money(p.finalEquity()), money(p.fees())));
        row(md, "max drawdown", money(p.maxDrawdown()) + " USDT (" + percent(p.maxDrawdownPct()) + " %)");
        StringBuilder baselines = new StringBuilder("always-WAIT 0.00 %");
        if (r.buyAndHold() != null) {
            baselines.append("; buy-and-hold ").append(percent(r.buyAndHold().returnPct())).append(" %");
        }
        if (r.randomEntries() != null && r.randomEntries().medianPct() != null) {
            baselines.append("; random entries (same count and holding time) ")
                    .append(Verdict.pct(r.randomEntries().medianPct()))
                    .append(" % a trade, median");
        }
        row(md, "baselines, same data and costs", baselines.toString());
        md.append('\n');
    }

    /** "PROPOSED 12, WAIT 3" ("none" when empty): counts as a reader writes them. */
    static String counts(Map<String, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((name, n) -> out.append(out.length() == 0 ? "" : ", ").append(name).append(' ').append("%,d".formatted(n)));
        return out.toString();
    }

    /** A percentage to two decimals, as a trader reads a return. */
    static String percent(BigDecimal value) {
        return value == null ? "-" : value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Money to the cent. */
    static String money(BigDecimal value) {
        return value == null ? "-" : "%,.2f".formatted(value.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String limits(BacktestSettings s) {
        var l = s.risk();
        return l == null ? "-" : ("position at most %s %% of equity, %d open, gross exposure %s %%, daily loss %s %%, "
                + "loss cooldown %d s, %d entries an hour, safe mode after %d failures, slippage at most %s %%").formatted(
                        plain(l.maxPositionPct()), l.maxOpenPositions(), plain(l.maxGrossExposurePct()),
                        plain(l.dailyLossLimitPct()), l.lossCooldownSeconds(), l.maxEntriesPerHour(),
                        l.safeModeAfterFailures(), plain(l.maxSlippagePct()));
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String quoted(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

}
