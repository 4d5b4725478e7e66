package io.signaldesk.decision.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.signaldesk.decision.client.FeedCoin;
import io.signaldesk.decision.client.FeedMessage;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.Side;
import io.signaldesk.decision.repository.DatabaseInitializer;

/**
 * The engine's cadence. Entries and stops are evaluated when a feed frame updates a coin (on the
 * engine thread, see {@link EngineExecutor}); this scheduler keeps what is time-based: exit checks
 * of open positions (every exit-check.every, or earlier on an adverse move), rules sampling,
 * proposal expiry and analyzer polling.
 */
@ApplicationScoped
public class EngineScheduler {

    private static final Logger LOG = Logger.getLogger(EngineScheduler.class);

    private final DecisionConfig config;
    private final DecisionEngine engine;
    private final MarketStateService market;
    private final PaperTradingService trading;
    private final ProposalService proposals;
    private final SignalScoringService scoring;
    private final AnalyzerStatusService analyzerStatus;
    private final DatabaseInitializer database;
    private final EngineExecutor executor;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> lastExitCheck = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> lastExitCheckPrice = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRulesSample = new ConcurrentHashMap<>();
    private final java.util.Set<String> warnedForeign = ConcurrentHashMap.newKeySet();

    EngineScheduler(DecisionConfig config, DecisionEngine engine, MarketStateService market,
            PaperTradingService trading, ProposalService proposals, SignalScoringService scoring,
            AnalyzerStatusService analyzerStatus, DatabaseInitializer database, EngineExecutor executor) {
        this.database = database;
        this.executor = executor;
        this.config = config;
        this.engine = engine;
        this.market = market;
        this.trading = trading;
        this.proposals = proposals;
        this.scoring = scoring;
        this.analyzerStatus = analyzerStatus;
    }

    /** A feed frame updated these coins: each is evaluated on the engine thread now, not at the next tick. */
    public void onFrame(FeedMessage frame) {
        if (!config.engineEnabled() || frame.coins() == null) {
            return;
        }
        for (FeedCoin coin : frame.coins()) {
            if (coin != null && coin.coin() != null) {
                executor.submit(coin.coin(), () -> evaluate(coin.coin()));
            }
        }
    }

    /** Time-based work: exit checks for open positions (even without a new frame) and rules sampling. */
    @Scheduled(every = "${decision.engine-tick-every:1s}", delayed = "2s", concurrentExecution = ConcurrentExecution.SKIP)
    void tick() {
        if (!config.engineEnabled() || !database.ready() || market.stale()) {
            return;
        }
        try {
            for (FeedCoin coin : market.all()) {
                if (trading.position(coin.coin()).isPresent()) {
                    executor.submit(coin.coin(), () -> evaluate(coin.coin()));
                }
                sampleRules(coin);
            }
        } catch (RuntimeException e) {
            LOG.warn("engine tick failed", e);
        }
    }

    /** One coin on the engine thread, from its latest state: manage the open position, or look for an entry. */
    void evaluate(String name) {
        if (!config.engineEnabled() || !database.ready() || market.stale()) {
            return;
        }
        try {
            market.latest(name).ifPresent(coin -> trading.position(name)
                    .ifPresentOrElse(p -> manageOwn(p, coin), () -> engine.evaluateEntry(coin)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "engine evaluation of %s failed", name);
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

    /** A position is managed only on prices of the market it was opened on; another feed's prices never stop it. */
    private void manageOwn(Position position, FeedCoin coin) {
        if (market.sameMarket(position)) {
            warnedForeign.remove(position.proposalId());
            manage(position, coin);
        } else if (warnedForeign.add(position.proposalId())) {
            LOG.warnf("%s: not marked, stopped or exited on these prices", trading.foreignNote(position));
        }
    }

    /** Stops first, then an exit check when one is due or the price moved against the position. */
    void manage(Position position, FeedCoin coin) {
        if (engine.checkStops(position, coin).isPresent()) {
            lastExitCheck.remove(coin.coin());
            return;
        }
        Instant now = clock.instant();
        Instant last = lastExitCheck.get(coin.coin());
        BigDecimal lastPrice = lastExitCheckPrice.getOrDefault(coin.coin(), position.entryPrice());
        String trigger = null;
        if (last == null || !last.plus(config.exitCheck().every()).isAfter(now)) {
            trigger = "scheduled exit check";
        } else if (adverse(position.side(), lastPrice, coin.markPrice())) {
            trigger = "adverse move since last check";
        }
        if (trigger != null) {
            lastExitCheck.put(coin.coin(), now);
            lastExitCheckPrice.put(coin.coin(), coin.markPrice());
            engine.checkExit(position, coin, trigger);
        }
    }

    private boolean adverse(Side side, BigDecimal reference, BigDecimal mark) {
        BigDecimal move = SignalScorer.movePct(reference, mark);
        BigDecimal against = side == Side.LONG ? move.negate() : move;
        return against.compareTo(config.exitCheck().adverseMovePct()) >= 0;
    }

    private void sampleRules(FeedCoin coin) {
        Instant now = clock.instant();
        Instant last = lastRulesSample.get(coin.coin());
        if (last == null || !last.plus(config.scoring().sampleEvery()).isAfter(now)) {
            lastRulesSample.put(coin.coin(), now);
            engine.recordRulesSignal(coin);
        }
    }
}
