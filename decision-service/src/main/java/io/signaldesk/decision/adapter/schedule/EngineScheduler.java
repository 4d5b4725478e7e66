package io.signaldesk.decision.adapter.schedule;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.ledger.DatabaseInitializer;
import io.signaldesk.decision.adapter.analyzer.AnalyzerStatusService;
import io.signaldesk.decision.engine.CoinEvaluator;
import io.signaldesk.decision.engine.EngineExecutor;
import io.signaldesk.decision.engine.EngineTime;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.engine.MarketIntake;
import io.signaldesk.decision.engine.PaperTradingService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.engine.SignalScoringService;

/**
 * The engine's time-based work, all on the Quarkus scheduler (frames are evaluated as they arrive, see
 * {@link MarketIntake}): on a live feed, open positions get their exit check even without a new frame and the rules
 * are sampled for scoring (a replay does both on its own market time, frame by frame); proposals expire, signals are
 * scored, the equity curve is recorded and the analyzer is polled.
 */
@ApplicationScoped
public class EngineScheduler {

    private static final Logger LOG = Logger.getLogger(EngineScheduler.class);

    private final DecisionConfig config;
    private final CoinEvaluator evaluator;
    private final FeedStateService market;
    private final PaperTradingService trading;
    private final ProposalService proposals;
    private final SignalScoringService scoring;
    private final AnalyzerStatusService analyzerStatus;
    private final DatabaseInitializer database;
    private final EngineExecutor executor;
    private final EngineTime time;

    EngineScheduler(DecisionConfig config, CoinEvaluator evaluator, FeedStateService market,
            PaperTradingService trading, ProposalService proposals, SignalScoringService scoring,
            AnalyzerStatusService analyzerStatus, DatabaseInitializer database, EngineExecutor executor,
            EngineTime time) {
        this.config = config;
        this.evaluator = evaluator;
        this.market = market;
        this.trading = trading;
        this.proposals = proposals;
        this.scoring = scoring;
        this.analyzerStatus = analyzerStatus;
        this.database = database;
        this.executor = executor;
        this.time = time;
    }

    /** Live feeds: exit checks for open positions (even without a new frame) and rules sampling. */
    @Scheduled(every = "${decision.engine-tick-every:1s}", delayed = "2s", concurrentExecution = ConcurrentExecution.SKIP)
    void tick() {
        if (!config.engineEnabled() || !database.ready() || market.stale()) {
            return;
        }
        try {
            for (CoinSnapshot coin : market.all()) {
                if (time.onMarketTime(coin.coin())) {
                    continue; // a replay's time moves with its frames only
                }
                if (trading.position(coin.coin()).isPresent()) {
                    executor.submit(coin.coin(), () -> evaluator.evaluate(coin.coin()));
                }
                evaluator.sampleRules(coin);
            }
        } catch (RuntimeException e) {
            LOG.warn("engine tick failed", e);
        }
    }

    @Scheduled(every = "1s", concurrentExecution = ConcurrentExecution.SKIP)
    void housekeeping() {
        if (!database.ready()) {
            return;
        }
        proposals.expireDue();
        scoring.scoreDue();
        trading.refresh();
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = ConcurrentExecution.SKIP)
    void equityCurve() {
        if (!database.ready()) {
            return;
        }
        trading.recordEquity();
    }

    @Scheduled(every = "${decision.analyzer-poll-every:5s}", concurrentExecution = ConcurrentExecution.SKIP)
    void pollAnalyzer() {
        if (config.engineEnabled() && database.ready()) {
            analyzerStatus.poll();
        }
    }
}
