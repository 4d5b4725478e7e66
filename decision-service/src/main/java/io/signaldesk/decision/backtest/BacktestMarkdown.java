package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The report as Markdown: what was run, the scores per horizon, the paper result and the baselines. */
public final class BacktestMarkdown {

    private BacktestMarkdown() {
    }

    public static String render(BacktestReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Backtest — %s mode, %s\n\n".formatted(r.mode(), String.join(", ", r.coins())));
        md.append("- Period: %s → %s, %,d bars × %d coins = %,d candles (%,d ms, %,d candles/s)\n"
                .formatted(r.from(), r.to(), r.bars(), r.coins().size(), r.candles(), r.elapsedMs(), r.candlesPerSecond()));
        BacktestSettings s = r.settings();
        md.append("- Fee %s %% and slippage %s %% per fill; size %s %% of equity; stop-loss %s %%, take-profit %s %%; "
                .formatted(plain(s.feePct()), plain(s.slippagePct()), plain(s.sizePct()), plain(s.stopLossPct()),
                        plain(s.takeProfitPct())));
        md.append("momentum threshold %s %%; flat band ±%s %%\n".formatted(plain(s.momentumPct()), plain(s.flatBandPct())));
        r.files().forEach((coin, file) -> md.append("- %s: `%s`\n".formatted(coin, file)));
        r.degradation().forEach(note -> md.append("- Degradation: ").append(note).append('\n'));
        int shown = Math.min(r.dataNotes().size(), 20);
        r.dataNotes().subList(0, shown).forEach(note -> md.append("- Data: ").append(note).append('\n'));
        if (r.dataNotes().size() > shown) {
            md.append("- Data: … %d more notes in the JSON report\n".formatted(r.dataNotes().size() - shown));
        }
        if (r.ai() != null) {
            md.append("- Analyzer %s: %d calls, %d failed, average %s ms, every %d min; %d rules entries throttled\n"
                    .formatted(r.ai().analyzerUrl(), r.ai().calls(), r.ai().failures(),
                            r.ai().averageLatencyMs() == null ? "-" : "%.0f".formatted(r.ai().averageLatencyMs()),
                            r.ai().everyMinutes(), r.ai().throttled()));
        }
        md.append("\n## Signal hit rates\n\nA hit: LONG and the close h minutes later is above +band, SHORT below −band, "
                + "WAIT within. Always-WAIT and buy-and-hold (always LONG) are scored on the same instants.\n\n");
        md.append("| horizon | group | signals | hit rate | always-WAIT | buy-and-hold |\n|---|---|---:|---:|---:|---:|\n");
        for (Scoreboard.HorizonScores h : r.scoring()) {
            String horizon = h.horizonMinutes() + "m";
            row(md, horizon, "all signals", h.overall());
            row(md, horizon, "LONG/SHORT only", h.directionalOnly());
            rows(md, horizon, "coin ", h.byCoin());
            rows(md, horizon, "source ", h.bySource());
            rows(md, horizon, "confidence ", h.byConfidence());
            rows(md, horizon, "signal ", h.byDirection());
        }
        PaperBook.Summary p = r.paper();
        md.append("\n## Paper trading\n\n| | strategy | buy-and-hold | always-WAIT |\n|---|---:|---:|---:|\n");
        md.append("| final equity | %s | %s | %s |\n".formatted(money(p.finalEquity()), money(r.buyAndHold().finalEquity()),
                money(p.initialEquity())));
        md.append("| return | %s %% | %s %% | 0 %% |\n".formatted(plain(p.returnPct()), plain(r.buyAndHold().returnPct())));
        md.append("| max drawdown | %s %% (%s) | %s %% | 0 %% |\n".formatted(plain(p.maxDrawdownPct()),
                money(p.maxDrawdown()), plain(r.buyAndHold().maxDrawdownPct())));
        md.append("| trades | %d (%s won) | %d buys | 0 |\n".formatted(p.trades(),
                p.winRate() == null ? "-" : percent(p.winRate()), r.coins().size()));
        md.append("| fees paid | %s | | |\n\n".formatted(money(p.fees())));
        md.append("Net P&L by coin: ");
        p.netPnlByCoin().forEach((coin, pnl) -> md.append("%s %s; ".formatted(coin, money(pnl))));
        md.append("\nExits: ");
        p.exitsByReason().forEach((reason, count) -> md.append("%s %d; ".formatted(reason, count)));
        md.append("\nBuy-and-hold return by coin: ");
        r.buyAndHold().returnPctByCoin().forEach((coin, pct) -> md.append("%s %s %%; ".formatted(coin, plain(pct))));
        md.append('\n');
        return md.toString();
    }

    private static void rows(StringBuilder md, String horizon, String prefix, Map<String, Scoreboard.Stats> groups) {
        groups.forEach((name, stats) -> row(md, horizon, prefix + name, stats));
    }

    private static void row(StringBuilder md, String horizon, String group, Scoreboard.Stats s) {
        md.append("| %s | %s | %,d | %s | %s | %s |\n".formatted(horizon, group, s.signals(), percent(s.hitRate()),
                percent(s.alwaysWaitHitRate()), percent(s.buyAndHoldHitRate())));
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "-" : rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + " %";
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
