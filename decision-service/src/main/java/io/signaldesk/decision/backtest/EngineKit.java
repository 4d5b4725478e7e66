package io.signaldesk.decision.backtest;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.DecisionEngine;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.engine.MarketIntake;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.engine.PaperTradingService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.engine.RiskService;
import io.signaldesk.decision.engine.SentimentService;
import io.signaldesk.decision.engine.SignalScoringService;
import io.signaldesk.decision.engine.TradingEngine;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.FeedMessage;
import io.signaldesk.decision.engine.port.LedgerState;
import io.signaldesk.decision.engine.port.Notifier;
import io.signaldesk.decision.ledger.CooldownRepository;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.ledger.DecisionRepository;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.ledger.LedgerRepository;
import io.signaldesk.decision.ledger.ProposalRepository;
import io.signaldesk.decision.ledger.RiskRepository;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.ledger.SignalRepository;

/**
 * The live engine ({@link TradingEngine#onCallersThread}, the factory the service uses too) on a backtest's ports: a
 * {@link ScratchLedger}, the backtest's clock and analyzer, its own metrics and no notifier. Frames go in through
 * {@link MarketIntake#storeAndEvaluate} on the caller's thread, as a replay's frames do on the engine thread.
 */
public final class EngineKit {

    public final FeedStateService market;
    public final DecisionEngine engine;
    public final MarketIntake intake;
    public final ProposalService proposals;
    public final PaperTradingService trading;
    public final SignalScoringService scoring;
    public final RiskService risk;
    public final ModeService modes;
    /** The run's decision log, read back for the report. */
    public final DecisionRepository decisions;
    public final TradingRules rules;
    /** The run's own track record, learned from the run's past only (it starts empty). */
    public final EdgeService edge;
    /** The run's own sentiment per coin (a backtest feeds it the analyzer's scheduled sentiment on market time). */
    public final SentimentService sentiments;

    public EngineKit(DecisionConfig config, StrategySettings strategy, Clock clock, ScratchLedger ledger,
            AnalyzerPort analyzer) {
        this.decisions = new DecisionRepository(ledger.db());
        TradingEngine built = TradingEngine.onCallersThread(config, strategy, ports(ledger.db(), ledger.database(), analyzer, clock));
        this.market = built.market;
        this.engine = built.decisions;
        this.intake = built.intake;
        this.proposals = built.proposals;
        this.trading = built.trading;
        this.scoring = built.scoring;
        this.risk = built.risk;
        this.modes = built.modes;
        this.rules = built.rules;
        this.edge = built.edge;
        this.sentiments = built.sentiments;
    }

    /**
     * The engine's ports on one ledger database: its repositories and {@code state}, {@code analyzer} and {@code clock},
     * no notifier and metrics of its own (a backtest's, or a test's engine on a ledger of its own).
     */
    public static TradingEngine.Ports ports(Db db, LedgerState state, AnalyzerPort analyzer, Clock clock) {
        ProposalRepository proposals = new ProposalRepository(db);
        return new TradingEngine.Ports(analyzer, proposals, new LedgerRepository(db, proposals), new RiskRepository(db),
                new DecisionRepository(db), new SignalRepository(db), new EdgeRepository(db), new CooldownRepository(db),
                state, Notifier.NONE, clock, new SimpleMeterRegistry());
    }

    /** The settings a trader set live (or the request's overrides): mode and policy, confirmation, risk limits. */
    public void settle(ModeSetting mode, boolean requireConfirmation, int autoMinConfidence, RiskLimits limits) {
        modes.change(mode.mode(), mode.policy());
        proposals.configure(requireConfirmation, autoMinConfidence);
        risk.update(limits);
    }

    /** One frame, stored and evaluated now, as the live engine does with a replay's frame. */
    public void accept(FeedMessage frame) {
        intake.storeAndEvaluate(frame);
    }
}
