package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.engine.port.FeedMessage;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.engine.PaperTradingService.Portfolio;
import io.signaldesk.decision.engine.ProposalService.ProposalConflict;

/**
 * Replays a {@link MarketTape} through the live engine ({@link EngineKit}: the same intake, rules, AI policy, exit
 * checks, risk governor, proposals, paper fills and scoring) on a scratch ledger and a {@link SimulatedClock} set to
 * each frame's market time. After every frame, as the live service's housekeeping would: a proposal waiting for
 * confirmation is confirmed at once (the backtest plays a trader who confirms every proposal; with confirmation off
 * the engine's auto-execution applies, as live), due proposals expire, due signals are scored, the book is marked.
 */
public final class BacktestRunner {

    private static final Logger LOG = Logger.getLogger(BacktestRunner.class);
    private static final long PROGRESS_EVERY_NS = 2_000_000_000L;
    private static final int TRADES_KEPT = 20;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Due signals are scored once an hour of market time (scoring recomputes every hit rate: not every frame). */
    static final java.time.Duration SCORE_EVERY = java.time.Duration.ofHours(1);

    /** Told a run's progress; a run stops with {@link Cancelled} when {@link #at} answers false. */
    public interface Progress {
        Progress NONE = (frames, marketTime) -> true;

        /** The run starts: {@code totalFrames} to replay, -1 when unknown. */
        default void started(long totalFrames) {
        }

        /** After every frame: {@code frames} replayed so far, the last at {@code marketTime}; false stops the run. */
        boolean at(long frames, Instant marketTime);
    }

    /** A run stopped because its {@link Progress} asked. */
    public static final class Cancelled extends RuntimeException {
        Cancelled(long frames) {
            super("cancelled after " + frames + " frames");
        }
    }

    private final BacktestConfig live;
    private final Overrides overrides;
    private final BacktestSettings settings;
    private final AnalyzerPort analyzer;
    private final BacktestSentiment sentiment;

    BacktestRunner(BacktestConfig live, Overrides overrides, AnalyzerPort analyzer) {
        this(live, overrides, analyzer, null);
    }

    /** {@code sentiment}: the analyzer's scheduled sentiment on market time (null: none, as in RULES mode). */
    BacktestRunner(BacktestConfig live, Overrides overrides, AnalyzerPort analyzer, BacktestSentiment sentiment) {
        this.live = live;
        this.overrides = overrides;
        this.settings = overrides.settings();
        this.analyzer = analyzer;
        this.sentiment = sentiment;
    }

    /**
     * What a run leaves: the decisions its {@link DecisionPage} kept (in order; every one for a replay),
     * {@code decisionsTotal} of them in all, and the report's figures; {@code calls} the scored calls at the longest
     * horizon, which the evaluation reads (not the engine's outcomes at every horizon: let go with the engine).
     */
    public record Run(List<BacktestDecision> decisions, Map<String, Integer> decisionCounts, long frames, Instant from,
            Instant to, BacktestReport.Paper paper, io.signaldesk.decision.engine.SignalScoringService.Accuracy scoring,
            List<Fill> lastTrades, List<io.signaldesk.decision.engine.PaperTradingService.MarkedPosition> open,
            long elapsedMs, BacktestReport.SentimentUsage sentiment,
            List<io.signaldesk.core.evaluation.Call> calls,
            List<io.signaldesk.core.evaluation.Trade> trades, Map<String, Object> edge,
            List<io.signaldesk.decision.engine.port.EdgeStore.ScoredCall> scoredCalls, List<Fill> fills,
            BigDecimal equityAtMeasureStart, int decisionsTotal) {
    }

    private Instant measureFrom;

    /** A walk-forward window: the equity is noted at the first frame at or after {@code at} (its test start). */
    BacktestRunner measuringFrom(Instant at) {
        this.measureFrom = at;
        return this;
    }

    public Run run(MarketTape tape) {
        return run(tape, Progress.NONE);
    }

    /** Every decision kept in {@link Run#decisions}. */
    public Run run(MarketTape tape, Progress progress) {
        return run(tape, progress, DecisionPage.all());
    }

    /** The decisions go to {@code page} as they are made. */
    Run run(MarketTape tape, Progress progress, DecisionPage decisions) {
        long started = System.nanoTime();
        progress.started(tape.size());
        DecisionConfig config = live.config(overrides.keys());
        StrategySettings strategy = overrides.strategy();
        Iterator<FeedMessage> frames = tape.frames();
        try (ScratchLedger ledger = ScratchLedger.open()) {
            SimulatedClock clock = new SimulatedClock(Instant.EPOCH);
            EngineKit kit = new EngineKit(config, strategy, clock, ledger, analyzer);
            kit.settle(new ModeSetting(settings.mode(), settings.policy()), settings.requireConfirmation(),
                    settings.autoMinConfidence(), settings.risk());
            Map<String, Integer> counts = new TreeMap<>();
            Equity equity = new Equity(strategy.sizing().initialEquity());
            Instant first = null;
            Instant last = null;
            long count = 0;
            long lastDecisionId = 0;
            Instant lastScored = null;
            long lastProgress = started;
            BigDecimal equityAtMeasureStart = null;
            while (frames.hasNext()) {
                FeedMessage frame = frames.next();
                Instant at = frame.asOf();
                if (measureFrom != null && equityAtMeasureStart == null && !at.isBefore(measureFrom)) {
                    equityAtMeasureStart = kit.trading.account().equity(); // marked at the last price before the window
                }
                clock.advanceTo(at);
                first = first == null ? at : first;
                last = at;
                count++;
                kit.accept(frame);
                if (sentiment != null) {
                    // as the analyzer's schedule live: the answer is about the market up to now and counts from the next frame
                    sentiment.atFrame(at, kit.market.all(), kit.sentiments);
                }
                if (!progress.at(count, at)) {
                    throw new Cancelled(count);
                }
                if (Thread.currentThread().isInterrupted()) { // the service is stopping: no report, said so
                    throw BacktestUnavailable.interrupted(null);
                }
                if (kit.proposals.requireConfirmation()) {
                    confirmPending(kit);
                }
                kit.proposals.expireDue();
                if (lastScored == null || !at.isBefore(lastScored.plus(SCORE_EVERY))) {
                    kit.scoring.scoreDue(); // the price history reaches back SCORE_EVERY past the longest horizon
                    lastScored = at;
                }
                List<Decision> fresh = kit.decisions.after(lastDecisionId);
                for (Decision d : fresh) {
                    lastDecisionId = d.id();
                    BigDecimal price = frame.coins().stream().filter(c -> c.coin().equals(d.coin())).findFirst()
                            .map(CoinSnapshot::markPrice).orElse(null);
                    String status = d.proposalId() == null ? null
                            : kit.proposals.find(d.proposalId()).map(p -> p.status().name()).orElse(null);
                    decisions.add(BacktestDecision.of(d, price, status));
                    counts.merge(d.outcome().name(), 1, Integer::sum);
                }
                if (!fresh.isEmpty() || !kit.trading.positions().isEmpty()) {
                    equity.mark(kit.trading.account().equity());
                }
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_EVERY_NS) {
                    lastProgress = now;
                    LOG.infof("backtest: %,d frames, market time %s, %,d decisions", count, at, decisions.total());
                }
            }
            kit.scoring.scoreDue();
            Portfolio end = kit.trading.refresh();
            equity.mark(end.equity());
            List<Fill> fills = new ArrayList<>(kit.trading.trades(Integer.MAX_VALUE));
            java.util.Collections.reverse(fills); // oldest first
            long elapsedMs = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            LOG.infof("backtest %s on %s: %,d frames in %,d ms, %,d decisions, %d fills", settings.mode(), tape.kind(),
                    count, elapsedMs, decisions.total(), fills.size());
            return new Run(decisions.kept(), counts, count, first, last, paper(end, fills, equity, kit), kit.scoring.accuracy(),
                    new ArrayList<>(fills.subList(Math.max(0, fills.size() - TRADES_KEPT), fills.size())),
                    end.positions(), elapsedMs, sentiment == null ? null : sentiment.usage(), calls(kit),
                    io.signaldesk.decision.engine.ClosedTrades.of(fills, kit.proposals::find, strategy.costs().slippagePct()),
                    kit.edge.status(), kit.edge.scored(), fills, equityAtMeasureStart, decisions.total());
        }
    }

    /** The longest scoring horizon: the one a call's direction is judged at. */
    static java.time.Duration longest(List<Integer> minutes) {
        return java.time.Duration.ofMinutes(minutes.stream().mapToInt(Integer::intValue).max().orElse(5));
    }

    /** The run's scored calls at its longest horizon, for its evaluation. */
    private List<io.signaldesk.core.evaluation.Call> calls(EngineKit kit) {
        return io.signaldesk.decision.engine.Evaluations.calls(kit.scoring.outcomes(), longest(settings.horizonsMinutes()));
    }

    /** A trader who confirms every proposal the moment it is made; a refusal (risk limit, ledger) leaves it be. */
    private static void confirmPending(EngineKit kit) {
        List<Proposal> pending = new ArrayList<>(kit.proposals.list(ProposalStatus.PENDING, 200));
        java.util.Collections.reverse(pending); // oldest first, as a person would
        for (Proposal proposal : pending) {
            try {
                kit.proposals.confirm(proposal, null);
            } catch (ProposalConflict e) {
                LOG.debugf("backtest: proposal %s not filled: %s", proposal.id(), e.getMessage());
            }
        }
    }

    private BacktestReport.Paper paper(Portfolio end, List<Fill> fills, Equity equity, EngineKit kit) {
        BigDecimal fees = BigDecimal.ZERO;
        int entries = 0;
        int trades = 0;
        int wins = 0;
        int losses = 0;
        BigDecimal grossProfit = BigDecimal.ZERO;
        BigDecimal grossLoss = BigDecimal.ZERO;
        Map<String, BigDecimal> byCoin = new LinkedHashMap<>();
        Map<String, Integer> exits = new TreeMap<>();
        for (Fill fill : fills) {
            fees = fees.add(fill.fee());
            if (fill.kind() == ProposalKind.ENTRY) {
                entries++;
                continue;
            }
            trades++;
            if (fill.realizedPnl().signum() > 0) {
                wins++;
                grossProfit = grossProfit.add(fill.realizedPnl());
            } else if (fill.realizedPnl().signum() < 0) {
                losses++;
                grossLoss = grossLoss.add(fill.realizedPnl());
            }
            byCoin.merge(fill.coin(), fill.realizedPnl(), BigDecimal::add);
            exits.merge(exitReason(fill.reason()), 1, Integer::sum);
        }
        Map<String, Integer> proposals = new TreeMap<>();
        for (ProposalStatus status : ProposalStatus.values()) {
            int n = kit.proposals.list(status, Integer.MAX_VALUE).size();
            if (n > 0) {
                proposals.put(status.name(), n);
            }
        }
        BigDecimal initial = end.initialEquity();
        BigDecimal net = end.equity().subtract(initial);
        return new BacktestReport.Paper(initial, end.equity().setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                net.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                net.multiply(HUNDRED).divide(initial, 4, RoundingMode.HALF_EVEN), end.realizedPnl(), end.unrealizedPnl(),
                fees, entries, trades, wins,
                trades == 0 ? null : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(trades), 4, RoundingMode.HALF_EVEN),
                equity.maxDrawdown.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                equity.maxDrawdownPct.setScale(4, RoundingMode.HALF_EVEN), byCoin, exits, proposals, losses, grossProfit,
                grossLoss);
    }

    /** STOP_LOSS, TAKE_PROFIT, or EXIT_SIGNAL (the rules and/or the model closed it at an exit check). */
    static String exitReason(String reason) {
        if (reason != null && reason.startsWith("STOP_LOSS")) {
            return "STOP_LOSS";
        }
        if (reason != null && reason.startsWith("TAKE_PROFIT")) {
            return "TAKE_PROFIT";
        }
        return "EXIT_SIGNAL";
    }

    /** Peak-to-trough of the equity marked after every frame that had a position or a decision. */
    private static final class Equity {
        private BigDecimal peak;
        private BigDecimal maxDrawdown = BigDecimal.ZERO;
        private BigDecimal maxDrawdownPct = BigDecimal.ZERO;

        Equity(BigDecimal initial) {
            this.peak = initial;
        }

        void mark(BigDecimal equity) {
            if (equity.compareTo(peak) > 0) {
                peak = equity;
                return;
            }
            BigDecimal drawdown = peak.subtract(equity);
            if (drawdown.compareTo(maxDrawdown) > 0) {
                maxDrawdown = drawdown;
                maxDrawdownPct = drawdown.multiply(HUNDRED).divide(peak, 6, RoundingMode.HALF_EVEN);
            }
        }
    }

    static Map<String, String> map(Object... pairs) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return out;
    }
}
