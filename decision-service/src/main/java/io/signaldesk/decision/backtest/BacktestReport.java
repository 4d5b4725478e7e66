package io.signaldesk.decision.backtest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a backtest found. {@code from}/{@code to}: open time of the first bar and close time of the
 * last; {@code candles} = bars × coins processed.
 */
@RegisterForReflection
public record BacktestReport(String mode, Instant from, Instant to, int bars, long candles, List<String> coins,
        Map<String, String> files, BacktestSettings settings, List<String> degradation, List<String> dataNotes,
        List<Scoreboard.HorizonScores> scoring, PaperBook.Summary paper, BuyAndHold buyAndHold, AiUsage ai,
        List<BacktestTrade> lastTrades, long elapsedMs, long candlesPerSecond, Map<String, String> output) {

    /** Analyzer calls made (AI and HYBRID modes); {@code throttled}: HYBRID rules entries skipped between AI checks. */
    @RegisterForReflection
    public record AiUsage(String analyzerUrl, int everyMinutes, int calls, int failures, Double averageLatencyMs,
            int throttled) {
    }

    public BacktestReport withOutput(Map<String, String> written) {
        return new BacktestReport(mode, from, to, bars, candles, coins, files, settings, degradation, dataNotes, scoring,
                paper, buyAndHold, ai, lastTrades, elapsedMs, candlesPerSecond, written);
    }
}
