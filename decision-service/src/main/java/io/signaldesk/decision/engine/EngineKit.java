package io.signaldesk.decision.engine;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.core.exit.ExitPolicy;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.config.TradingCoreProducer;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.ledger.DecisionRepository;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.ledger.LedgerRepository;
import io.signaldesk.decision.ledger.ProposalRepository;
import io.signaldesk.decision.ledger.RiskRepository;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.ledger.SignalRepository;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.FeedMessage;

/**
 * The live engine's own classes, wired by hand for a backtest: the same {@link MarketIntake}, {@link CoinEvaluator},
 * {@link DecisionEngine}, {@link ExitChecks}, rules, proposals, risk governor, paper trading and scoring, on a
 * {@link ScratchLedger}, the backtest's clock and analyzer, its own metrics and no webhook. Frames go in through
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
    public final DecisionRepository decisions;
    public final TradingRules rules;
    /** The run's own track record, learned from the run's past only (it starts empty). */
    public final EdgeService edge;
    /** The run's own sentiment per coin (a backtest feeds it the analyzer's scheduled sentiment on market time). */
    public final SentimentService sentiments;

    public EngineKit(DecisionConfig config, Clock clock, ScratchLedger ledger, AnalyzerPort analyzer) {
        MeterRegistry registry = new SimpleMeterRegistry();
        ProposalRepository proposalRepository = new ProposalRepository(ledger.db());
        LedgerRepository ledgerRepository = new LedgerRepository(ledger.db(), proposalRepository);
        RiskRepository riskRepository = new RiskRepository(ledger.db());
        this.decisions = new DecisionRepository(ledger.db());
        NotificationService silent = new NotificationService(null, new ObjectMapper(), registry, clock);
        this.market = new FeedStateService(config, registry, clock);
        EngineTime time = new EngineTime(clock, market);
        this.risk = new RiskService(riskRepository, ledgerRepository, config, silent, registry, clock, time);
        ExitPolicy exitPolicy = new ExitPolicy(TradingCoreProducer.exitSettings(config));
        this.trading = new PaperTradingService(ledgerRepository, market, config, registry, risk, clock, exitPolicy,
                time);
        this.proposals = new ProposalService(proposalRepository, ledgerRepository, trading, config, registry,
                riskRepository, silent, clock);
        this.scoring = new SignalScoringService(market, new SignalRepository(ledger.db()), config, registry, clock);
        this.modes = new ModeService(ledgerRepository, config, registry);
        this.rules = new TradingRules(TradingCoreProducer.thresholds(config.rules()));
        this.sentiments = new SentimentService(market, scoring, rules, clock);
        this.edge = new EdgeService(new EdgeRepository(ledger.db()), config);
        this.engine = new DecisionEngine(config, rules, analyzer, sentiments, modes, proposals, trading, decisions,
                scoring, risk, market, clock, time, edge);
        ExitChecks exits = new ExitChecks(config, engine, market, trading, time, exitPolicy);
        CoinEvaluator evaluator = new CoinEvaluator(config, engine, exits, market, trading, ledger.database(), time, edge);
        this.intake = new MarketIntake(config, market, null, evaluator, registry);
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
