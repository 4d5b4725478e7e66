package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.signaldesk.decision.domain.Direction;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.RuleSignal;
import io.signaldesk.decision.domain.Side;

/**
 * Walks aligned candles bar by bar. At the close of bar {@code i} (i ≥ 1) each coin gets a signal,
 * decided only from bars ≤ i; the signal is scored against the closes {@code h} bars later (the only
 * look-ahead, and only for scoring) and drives the paper book:
 * <ul>
 * <li>RULES: the candle rules signal every bar (source RULES).</li>
 * <li>AI: the analyzer's sentiment every {@code aiEveryMinutes} bars (source AI, or the analyzer's own
 * source when it fell back to its rules); nothing is scored between calls.</li>
 * <li>HYBRID (VETO): rules every bar (scored as RULES); a rules entry is put to the analyzer's entry
 * call (at most once per {@code aiEveryMinutes} per coin) and scored as HYBRID: the rules side when
 * the AI agrees, WAIT when it vetoes; an unreachable analyzer leaves the rules to decide (RULES_FALLBACK).</li>
 * </ul>
 * Exits: stop-loss / take-profit at a close, or the mode's signal turning to the other side. Positions
 * still open after the last bar close there (END_OF_DATA).
 */
public final class BacktestRunner {

    private static final Logger LOG = Logger.getLogger(BacktestRunner.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    private static final int TRADES_KEPT = 20;

    private final CandleRules rules;
    private final BacktestAnalyzer analyzer;

    /** {@code analyzer} may be null in RULES mode. */
    public BacktestRunner(CandleRules rules, BacktestAnalyzer analyzer) {
        this.rules = rules;
        this.analyzer = analyzer;
    }

    public BacktestReport run(AlignedCandles data, BacktestSettings settings, Map<String, String> files) {
        long started = System.nanoTime();
        Scoreboard board = new Scoreboard(settings.horizonsMinutes(), settings.flatBandPct());
        PaperBook book = new PaperBook(settings.initialEquity(), settings.feePct(), settings.slippagePct(),
                settings.sizePct(), settings.stopLossPct(), settings.takeProfitPct());
        Map<String, Integer> lastAiCheck = new HashMap<>();
        int throttled = 0;
        long total = (long) data.bars() * data.coins().size();
        long lastProgress = started;
        for (int i = 1; i < data.bars(); i++) {
            Instant closeTime = data.times().get(i).plus(Duration.ofMinutes(1));
            Map<String, BigDecimal> closes = new LinkedHashMap<>();
            for (String coin : data.coins()) {
                Candle candle = data.candle(coin, i);
                closes.put(coin, candle.close());
                BigDecimal momentum = CandleRules.momentumPct(data.candle(coin, i - 1), candle);
                RuleSignal ruled = rules.evaluate(momentum);
                Direction acted;
                if (settings.mode() == Mode.AI) {
                    if (i % settings.aiEveryMinutes() != 0) {
                        acted = null;
                    } else {
                        Optional<BacktestAnalyzer.Answer> answer = analyzer.sentiment(coin, closeTime, candle, momentum);
                        acted = answer.map(BacktestAnalyzer.Answer::direction).orElse(null);
                        if (answer.isPresent()) {
                            BacktestAnalyzer.Answer a = answer.get();
                            scoreAll(board, data, coin, i, sourceOf("AI", a), a.direction(), a.confidence());
                        }
                    }
                } else {
                    scoreAll(board, data, coin, i, "RULES", ruled.direction(), ruled.confidence());
                    acted = ruled.direction();
                    if (settings.mode() == Mode.HYBRID && acted != Direction.WAIT && !book.holds(coin)) {
                        Integer last = lastAiCheck.get(coin);
                        if (last != null && i - last < settings.aiEveryMinutes()) {
                            throttled++;
                            acted = Direction.WAIT;
                        } else {
                            lastAiCheck.put(coin, i);
                            Optional<BacktestAnalyzer.Answer> answer = analyzer.entry(coin, Side.valueOf(acted.name()),
                                    closeTime, candle, momentum);
                            if (answer.isPresent()) {
                                BacktestAnalyzer.Answer a = answer.get();
                                acted = a.enter() ? acted : Direction.WAIT;
                                scoreAll(board, data, coin, i, sourceOf("HYBRID", a), acted,
                                        Math.min(a.confidence(), ruled.confidence()));
                            } else {
                                scoreAll(board, data, coin, i, "RULES_FALLBACK", acted, ruled.confidence());
                            }
                        }
                    }
                }
                trade(book, coin, candle.close(), closeTime, acted);
            }
            book.mark(closes);
            long now = System.nanoTime();
            if (now - lastProgress >= PROGRESS_EVERY.toNanos()) {
                lastProgress = now;
                progress(data, (long) (i + 1) * data.coins().size(), total, started, now);
            }
        }
        int last = data.bars() - 1;
        Instant end = data.times().get(last).plus(Duration.ofMinutes(1));
        for (String coin : book.openCoins()) {
            book.close(coin, data.candle(coin, last).close(), end, "END_OF_DATA");
        }
        long elapsedMs = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        long perSecond = total * 1000 / elapsedMs;
        LOG.infof("backtest %s: %,d candles in %,d ms (%,d candles/s), %d trades", settings.mode(), total, elapsedMs,
                perSecond, book.summary().trades());
        List<BacktestTrade> trades = book.trades();
        BacktestReport.AiUsage ai = analyzer == null ? null
                : new BacktestReport.AiUsage(settings.analyzerUrl(), settings.aiEveryMinutes(), analyzer.calls(),
                        analyzer.failures(), analyzer.averageLatencyMs(), throttled);
        return new BacktestReport(settings.mode().name(), data.times().get(0), end, data.bars(), total, data.coins(),
                files, settings, degradation(settings), data.notes(), board.results(), book.summary(),
                BuyAndHold.of(data, settings), ai,
                new ArrayList<>(trades.subList(Math.max(0, trades.size() - TRADES_KEPT), trades.size())), elapsedMs,
                perSecond, Map.of());
    }

    private static void trade(PaperBook book, String coin, BigDecimal close, Instant at, Direction signal) {
        if (book.holds(coin)) {
            if (book.closeOnStopOrTarget(coin, close, at)) {
                return;
            }
            Side held = book.side(coin);
            if (signal != null && signal != Direction.WAIT && !signal.name().equals(held.name())) {
                book.close(coin, close, at, "SIGNAL_REVERSED");
            }
            return;
        }
        if (signal == Direction.LONG || signal == Direction.SHORT) {
            book.open(coin, Side.valueOf(signal.name()), close, at);
        }
    }

    private static void scoreAll(Scoreboard board, AlignedCandles data, String coin, int i, String source,
            Direction direction, int confidence) {
        BigDecimal price0 = data.candle(coin, i).close();
        for (int h : board.horizons()) {
            if (i + h < data.bars()) {
                board.score(h, coin, source, direction, confidence, price0, data.candle(coin, i + h).close());
            }
        }
    }

    /** "AI" when the model answered; the analyzer's own source (e.g. RULES) when it fell back. */
    private static String sourceOf(String mode, BacktestAnalyzer.Answer answer) {
        return "AI".equals(answer.source()) || "CACHE".equals(answer.source()) ? mode : mode + "_ANALYZER_" + answer.source();
    }

    private static List<String> degradation(BacktestSettings settings) {
        List<String> notes = new ArrayList<>();
        notes.add(CandleRules.DEGRADATION);
        notes.add("fills at bar closes; stop-loss and take-profit are checked at closes, not inside the bar");
        if (settings.mode() != Mode.RULES) {
            notes.add("the analyzer sees last price and 1-minute momentum only; bid/ask, book imbalance, trade flow,"
                    + " VWAP and volatility are sent as null (unknown)");
        }
        return notes;
    }

    private static void progress(AlignedCandles data, long done, long total, long started, long now) {
        double seconds = (now - started) / 1e9;
        double rate = done / seconds;
        LOG.infof("backtest: %,d/%,d candles (%.1f%%) at %s, %,.0f candles/s, ETA %.0f s", done, total,
                100.0 * done / total, data.times().get((int) (done / data.coins().size()) - 1), rate,
                (total - done) / rate);
    }
}
