package io.signaldesk.decision.engine;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.core.exit.ExitPolicy;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.CooldownStore;
import io.signaldesk.decision.engine.port.DecisionLog;
import io.signaldesk.decision.engine.port.EdgeStore;
import io.signaldesk.decision.engine.port.LedgerState;
import io.signaldesk.decision.engine.port.Notifier;
import io.signaldesk.decision.engine.port.ProposalStore;
import io.signaldesk.decision.engine.port.RiskStore;
import io.signaldesk.decision.engine.port.SignalStore;
import io.signaldesk.decision.engine.port.TradeLedger;

/**
 * The engine as one object graph: market state, rules, the decision, exits, proposals, risk, paper trading, scoring
 * and the edge gate, built by {@link #build} alone. The live service (config/EngineProducer, from CDI's adapters) and
 * the backtest (backtest/EngineKit, on a scratch ledger and simulated clock) both call it, so a backtest runs the
 * live engine, not a copy of its wiring. It takes from outside only what {@link Ports} names.
 */
public final class TradingEngine {

    /**
     * What the engine takes from outside: the analyzer, the ledger (proposals, the book, risk, the decision log,
     * signals, the edge track record, the entry cooldowns and whether it is ready), the notifier, the clock and the metrics.
     */
    public record Ports(AnalyzerPort analyzer, ProposalStore proposals, TradeLedger trades, RiskStore risk,
            DecisionLog decisions, SignalStore signals, EdgeStore edges, CooldownStore cooldowns, LedgerState ledger,
            Notifier notifier, Clock clock, MeterRegistry registry) {
    }

    public final TradingRules rules;
    public final ExitPolicy exitPolicy;
    public final FeedStateService market;
    public final EngineTime time;
    public final RiskService risk;
    public final PaperTradingService trading;
    public final ProposalService proposals;
    public final SignalScoringService scoring;
    public final ModeService modes;
    public final SentimentService sentiments;
    public final EdgeService edge;
    public final DecisionEngine decisions;
    public final ExitChecks exits;
    public final CoinEvaluator evaluator;
    public final MarketIntake intake;
    /** The engine's own thread; null when frames are evaluated on the caller's thread (a backtest). */
    public final EngineExecutor executor;

    /** The strategy it trades: rules, cooldown, exits, sizing, costs and the edge gate. */
    public final StrategySettings strategy;

    private TradingEngine(DecisionConfig config, StrategySettings strategy, Ports ports, EngineExecutor executor) {
        MeterRegistry registry = ports.registry();
        Clock clock = ports.clock();
        this.executor = executor;
        this.strategy = strategy;
        this.rules = new TradingRules(strategy.rules());
        this.exitPolicy = new ExitPolicy(strategy.exits());
        OpenBook book = new OpenBook(ports.proposals(), ports.trades(), !ports.ledger().shared());
        TradeLedger trades = book.trades();
        this.market = new FeedStateService(config, registry, clock);
        this.time = new EngineTime(clock, market);
        this.risk = new RiskService(ports.risk(), trades, config, ports.notifier(), registry, clock, time);
        this.trading = new PaperTradingService(trades, market, strategy, registry, risk, clock, exitPolicy, time);
        this.proposals = new ProposalService(book.proposals(), trades, trading, config, registry, ports.risk(),
                ports.notifier(), clock, book);
        this.scoring = new SignalScoringService(market, ports.signals(), config, registry, clock);
        this.modes = new ModeService(trades, config, registry);
        this.sentiments = new SentimentService(market, scoring, rules, clock);
        this.edge = new EdgeService(ports.edges(), strategy, config.modelRecord(),
                coin -> market.feedOf(coin).or(market::currentFeed).orElse(FeedIdentity.UNKNOWN).market(),
                () -> market.currentFeed().orElse(FeedIdentity.UNKNOWN).market());
        this.decisions = new DecisionEngine(config, strategy, rules, ports.analyzer(), sentiments, modes, proposals, trading,
                ports.decisions(), scoring, risk, market, clock, time, edge, ports.cooldowns());
        this.exits = new ExitChecks(decisions, market, trading, time, exitPolicy);
        this.evaluator = new CoinEvaluator(config, decisions, exits, market, trading, ports.ledger(), time, edge);
        this.intake = new MarketIntake(config, market, executor, evaluator, registry);
    }

    /** The live engine: frames are evaluated on its own thread ({@link EngineExecutor}). */
    public static TradingEngine live(DecisionConfig config, StrategySettings strategy, Ports ports) {
        return new TradingEngine(config, strategy, ports, new EngineExecutor(ports.registry(), config));
    }

    /** Stops the engine's thread, so no frame is evaluated once the service stops (nothing else holds a resource). */
    public void stop() {
        if (executor != null) {
            executor.stop();
        }
    }

    /** An engine that evaluates each frame on the caller's thread, as {@link MarketIntake#storeAndEvaluate} does. */
    public static TradingEngine onCallersThread(DecisionConfig config, StrategySettings strategy, Ports ports) {
        return new TradingEngine(config, strategy, ports, null);
    }
}
