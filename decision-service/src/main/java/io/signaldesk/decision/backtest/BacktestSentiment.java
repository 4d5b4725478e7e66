package io.signaldesk.decision.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.engine.port.AiAnswer;
import io.signaldesk.decision.engine.port.AnalyzerPort.MarketContext;
import io.signaldesk.decision.engine.port.AnalyzerPort.SentimentResult;
import io.signaldesk.decision.engine.SentimentService;
import io.signaldesk.decision.engine.SentimentService.CoinSentiment;

/**
 * The analyzer's scheduled market sentiment in a backtest, on market time: asked at the first frame and then whenever
 * the replay's market time has moved {@code every} past the last ask, about the replayed market (every coin's latest
 * snapshot). An answer goes into the run's own {@link SentimentService} as live ({@code accept(.., true)}: kept as the
 * coin's latest and recorded as a signal), stamped with market time; a failed one leaves no sentiment for that round
 * (the engine then has the rules' setups only, as live). At most {@code maxCalls} asks: a run whose length could not be
 * estimated before it started (captures) stops asking there, and says so.
 */
final class BacktestSentiment {

    private final Function<MarketContext, AiAnswer<SentimentResult>> analyzer;
    private final Duration every;
    private final int maxCalls;
    private Instant lastAsk;
    private int asks;
    private int ai;
    private int rulesFallback;
    private int failed;
    private int skipped;
    private long answeredNanos;

    BacktestSentiment(Function<MarketContext, AiAnswer<SentimentResult>> analyzer, Duration every, int maxCalls) {
        this.analyzer = analyzer;
        this.every = every;
        this.maxCalls = maxCalls;
    }

    /** After the frame at {@code at}: asks when due, about {@code market} (the replay's latest snapshot per coin). */
    void atFrame(Instant at, List<CoinSnapshot> market, SentimentService sentiments) {
        if (lastAsk != null && at.isBefore(lastAsk.plus(every)) || market.isEmpty()) {
            return;
        }
        lastAsk = at;
        if (asks >= maxCalls) {
            skipped++;
            return;
        }
        asks++;
        long start = System.nanoTime();
        AiAnswer<SentimentResult> answer = analyzer.apply(new MarketContext("backtest", at, market));
        if (!answer.available()) {
            failed++;
            return;
        }
        answeredNanos += System.nanoTime() - start;
        if (answer.fromModel()) {
            ai++;
        } else {
            rulesFallback++;
        }
        // the answer's own "at" is the analyzer's wall time; the backtest's is the market's
        sentiments.accept(new CoinSentiment(answer.result(), answer.source(), answer.model(), at), true);
    }

    /** What the asks came to (the report's {@code ai.sentiment}). */
    BacktestReport.SentimentUsage usage() {
        int answered = ai + rulesFallback;
        return new BacktestReport.SentimentUsage(every.toSeconds(), asks, ai, rulesFallback, failed, skipped,
                answered == 0 ? null : answeredNanos / 1e6 / answered);
    }

    /**
     * The asks a candle run makes: one at the first frame, then one at the first frame (a bar close, a minute apart)
     * at least {@code every} after the last; {@code bars} candles make {@code bars - 1} frames.
     */
    static long estimateForCandles(int bars, Duration every) {
        long frames = Math.max(0, bars - 1L);
        if (frames == 0) {
            return 0;
        }
        long stepMinutes = Math.max(1, (every.toSeconds() + 59) / 60);
        return (frames - 1) / stepMinutes + 1;
    }
}
