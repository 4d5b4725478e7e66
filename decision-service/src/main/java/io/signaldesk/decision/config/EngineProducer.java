package io.signaldesk.decision.config;

import java.time.Clock;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.signaldesk.core.exit.ExitPolicy;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.engine.CoinEvaluator;
import io.signaldesk.decision.engine.DecisionEngine;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.EngineExecutor;
import io.signaldesk.decision.engine.EngineTime;
import io.signaldesk.decision.engine.ExitChecks;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.engine.MarketIntake;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.PaperTradingService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.engine.RiskService;
import io.signaldesk.decision.engine.SentimentService;
import io.signaldesk.decision.engine.SignalScoringService;
import io.signaldesk.decision.engine.TradingEngine;
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
 * The live engine, built once at start-up by {@link TradingEngine#live} (the factory the backtest calls too) on the
 * service's adapters: the analyzer client, the JDBC ledger, the webhook notifier, the clock and the registry. Its
 * parts are beans for the API, the dashboard, the scheduler and the feed adapters; its gauges exist from start-up.
 */
public class EngineProducer {

    @Produces
    @Singleton
    @Startup
    TradingEngine engine(DecisionConfig config, StrategySettings strategy, AnalyzerPort analyzer, ProposalStore proposals, TradeLedger trades,
            RiskStore risk, DecisionLog decisions, SignalStore signals, EdgeStore edges, CooldownStore cooldowns,
            LedgerState ledger,
            Notifier notifier, Clock clock, MeterRegistry registry) {
        return TradingEngine.live(config, strategy, new TradingEngine.Ports(analyzer, proposals, trades, risk, decisions, signals,
                edges, cooldowns, ledger, notifier, clock, registry));
    }

    /** The engine's thread stops with the service (a test's next application must not meet it). */
    void stop(@Disposes TradingEngine engine) {
        engine.stop();
    }

    @Produces
    @Singleton
    TradingRules rules(TradingEngine engine) {
        return engine.rules;
    }

    @Produces
    @Singleton
    ExitPolicy exitPolicy(TradingEngine engine) {
        return engine.exitPolicy;
    }

    @Produces
    @Singleton
    FeedStateService market(TradingEngine engine) {
        return engine.market;
    }

    @Produces
    @Singleton
    EngineTime time(TradingEngine engine) {
        return engine.time;
    }

    @Produces
    @Singleton
    RiskService risk(TradingEngine engine) {
        return engine.risk;
    }

    @Produces
    @Singleton
    PaperTradingService trading(TradingEngine engine) {
        return engine.trading;
    }

    @Produces
    @Singleton
    ProposalService proposals(TradingEngine engine) {
        return engine.proposals;
    }

    @Produces
    @Singleton
    SignalScoringService scoring(TradingEngine engine) {
        return engine.scoring;
    }

    @Produces
    @Singleton
    ModeService modes(TradingEngine engine) {
        return engine.modes;
    }

    @Produces
    @Singleton
    SentimentService sentiments(TradingEngine engine) {
        return engine.sentiments;
    }

    @Produces
    @Singleton
    EdgeService edge(TradingEngine engine) {
        return engine.edge;
    }

    @Produces
    @Singleton
    DecisionEngine decisions(TradingEngine engine) {
        return engine.decisions;
    }

    @Produces
    @Singleton
    ExitChecks exits(TradingEngine engine) {
        return engine.exits;
    }

    @Produces
    @Singleton
    CoinEvaluator evaluator(TradingEngine engine) {
        return engine.evaluator;
    }

    @Produces
    @Singleton
    MarketIntake intake(TradingEngine engine) {
        return engine.intake;
    }

    @Produces
    @Singleton
    EngineExecutor executor(TradingEngine engine) {
        return engine.executor;
    }
}
