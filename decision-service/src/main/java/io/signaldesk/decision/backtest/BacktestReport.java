package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.evaluation.Evaluation;
import io.signaldesk.core.evaluation.RandomEntries;
import io.signaldesk.core.strategy.Tuning;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.engine.PaperTradingService.MarkedPosition;
import io.signaldesk.decision.engine.SignalScoringService.Accuracy;

/**
 * What a backtest found, the live engine having decided every step: {@code from}/{@code to} the market time of the
 * first and last frame; {@code frames} the snapshots replayed; {@code decisions} one page of every decision
 * ({@code decisionsOffset}, at most the request's {@code decisionsLimit}; {@code decisionsTotal} in all, every one in
 * the decisions CSV named in {@code output}). {@code verdict} is the line a trader reads first, {@code sample} the one
 * beside it: whether the period overlaps the data the defaults were tuned on ({@link Tuning}: in-sample, its figures
 * flatter the strategy) or is held out (null with no data); {@code evaluation} what
 * it rests on (direction accuracy of the calls at the longest horizon, expectancy of the closed trades after costs,
 * Sharpe, calibration; overall, per source, coin and confidence bucket, beside always-long and always-short on the same
 * entries); {@code randomEntries} the random-entry baseline (null for captures, whose prices are not kept);
 * {@code edge} the run's edge gate at its end (its own track record, learned from the run's past only: it starts
 * empty; decisionCounts.NO_EDGE counts the entries it stopped).
 */
@RegisterForReflection
public record BacktestReport(String mode, String data, Instant from, Instant to, long frames, List<String> coins,
        Map<String, String> inputs, BacktestSettings settings, List<String> notes, List<String> dataNotes, String verdict,
        Tuning.Sample sample, Evaluation evaluation, RandomEntries randomEntries, Accuracy scoring, Paper paper, BuyAndHold buyAndHold, AiUsage ai, Map<String, Integer> decisionCounts,
        int decisionsTotal, int decisionsOffset, List<BacktestDecision> decisions, List<Fill> lastTrades,
        List<MarkedPosition> openPositions, long elapsedMs, long framesPerSecond, Map<String, String> output,
        Map<String, Object> edge) {

    /**
     * The paper account the engine traded (its own scratch ledger); open positions are valued at what closing them at
     * the last price would realise (the exit's slippage and fee taken).
     * {@code trades} closed round trips, of which {@code wins} realised more than zero and {@code losses} less;
     * {@code grossProfit} sums the winners' realised P&amp;L (after both fees), {@code grossLoss} the losers' (≤ 0).
     */
    @RegisterForReflection
    public record Paper(BigDecimal initialEquity, BigDecimal finalEquity, BigDecimal netPnl, BigDecimal returnPct,
            BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees, int entries, int trades, int wins,
            BigDecimal winRate, BigDecimal maxDrawdown, BigDecimal maxDrawdownPct, Map<String, BigDecimal> netPnlByCoin,
            Map<String, Integer> exitsByReason, Map<String, Integer> proposalsByStatus, int losses,
            BigDecimal grossProfit, BigDecimal grossLoss) {
    }

    /**
     * Analyzer calls the run made (AI and HYBRID modes): {@code calls}/{@code failures}/{@code averageLatencyMs} count
     * the engine's entry and exit questions, {@code answered} who answered them; {@code sentiment} the scheduled
     * sentiment's asks (null when the mode does not read it).
     */
    @RegisterForReflection
    public record AiUsage(String analyzerUrl, int calls, int failures, Double averageLatencyMs, SentimentUsage sentiment,
            Answers answered) {
    }

    /**
     * Who answered the engine's answered questions, never one counted as another: {@code model} a model call,
     * {@code cache} the analyzer's cache of earlier model answers (the backtest asks with no-cache, so 0 unless an
     * analyzer ignores it), {@code rules} the analyzer's rules (its fallbacks).
     */
    @RegisterForReflection
    public record Answers(int model, int cache, int rules) {
    }

    /**
     * The scheduled sentiment on market time: asked every {@code everySeconds}, {@code asks} made, answered by the model
     * ({@code ai}; the backtest asks with no-cache, so never a cached answer) or the analyzer's rules ({@code rulesFallback}), {@code failed} (no answer, a
     * timeout or an invalid one: no sentiment that round), {@code skippedOverCap} rounds not asked past the cap,
     * {@code averageLatencyMs} of an answered ask (null when none was): what a round costs.
     */
    @RegisterForReflection
    public record SentimentUsage(long everySeconds, int asks, int ai, int rulesFallback, int failed, int skippedOverCap,
            Double averageLatencyMs) {
    }

    public BacktestReport withOutput(Map<String, String> written) {
        return new BacktestReport(mode, data, from, to, frames, coins, inputs, settings, notes, dataNotes, verdict,
                sample, evaluation, randomEntries, scoring, paper,
                buyAndHold, ai, decisionCounts, decisionsTotal, decisionsOffset, decisions, lastTrades, openPositions,
                elapsedMs, framesPerSecond, written, edge);
    }
}
