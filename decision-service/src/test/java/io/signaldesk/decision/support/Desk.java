package io.signaldesk.decision.support;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.backtest.BacktestConfig;
import io.signaldesk.decision.backtest.EngineKit;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.engine.TradingEngine;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.LedgerState;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.DecisionEngine;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.PaperTradingService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.engine.RiskService;

/**
 * What most {@code @QuarkusTest}s of the engine drive, in one injection: the engine, the market state it reads, the
 * mode, the proposals and the paper account, with the steps they repeat (the rules' starting state, a coin's tick,
 * its entry). Its static methods build the same engine without CDI, as the backtest does, for the tests of one
 * engine on a ledger of their own ({@link #rulesKit}, {@link #rulesEngine}).
 */
@Singleton
public class Desk {

    private final DecisionEngine engine;
    private final FeedStateService market;
    private final ModeService modes;
    private final ProposalService proposals;
    private final PaperTradingService trading;
    private final RiskService risk;
    private final CircuitBreakerMaintenance circuits;

    Desk(DecisionEngine engine, FeedStateService market, ModeService modes, ProposalService proposals,
            PaperTradingService trading, RiskService risk, CircuitBreakerMaintenance circuits) {
        this.engine = engine;
        this.market = market;
        this.modes = modes;
        this.proposals = proposals;
        this.trading = trading;
        this.risk = risk;
        this.circuits = circuits;
    }

    public DecisionEngine engine() {
        return engine;
    }

    public FeedStateService market() {
        return market;
    }

    public ModeService modes() {
        return modes;
    }

    public ProposalService proposals() {
        return proposals;
    }

    public PaperTradingService trading() {
        return trading;
    }

    /**
     * The analyzer path as at start: its circuit breakers closed and safe mode off with no failures counted. The tests
     * of one app share both, and both count in real time: a test that made calls fail (a 404 of an unstubbed path, a
     * timeout on a loaded machine) left the circuit open for 15 s, and the tests after it got CIRCUIT_OPEN.
     */
    public void analyzerAsAtStart() {
        circuits.resetAll();
        risk.clearSafeMode();
    }

    /** RULES mode (VETO policy), confirmation required below confidence 7, no entry cooldown left from another test. */
    public void rulesMode() {
        modes.change(Mode.RULES, Policy.VETO);
        proposals.configure(true, 7);
        engine.resetCooldowns();
    }

    /** The coins arrive in a feed snapshot frame. */
    public void tick(CoinSnapshot... coins) {
        market.accept(Market.snapshot(coins));
    }

    /** The coins arrive in a frame of the feed run {@code feed}. */
    public void tick(FeedIdentity feed, CoinSnapshot... coins) {
        market.accept(Market.snapshot(feed, coins));
    }

    /** The coin arrives, then the engine looks for an entry on it. */
    public Optional<Decision> entry(CoinSnapshot coin) {
        tick(coin);
        return engine.evaluateEntry(coin);
    }

    /** The coin arrives and, its cooldown cleared, the engine proposes an entry: the proposal's id. */
    public String proposeEntry(CoinSnapshot coin) {
        tick(coin);
        engine.resetCooldowns();
        Decision decision = engine.evaluateEntry(coin)
                .orElseThrow(() -> new AssertionError("no entry decision on " + coin.coin()));
        if (decision.outcome() != DecisionOutcome.PROPOSED) {
            throw new AssertionError("not proposed: " + decision);
        }
        return decision.proposalId();
    }

    /** The service's {@code decision.*} mapping: its defaults with {@code overrides} on top, as a backtest builds it. */
    public static DecisionConfig config(Map<String, String> overrides) {
        return new BacktestConfig(Map.of(), null, true, 7, null).config(overrides);
    }

    /**
     * The live engine as a backtest runs it (its {@link EngineKit}, frames evaluated on the caller's thread) on
     * {@code ledger}, in RULES mode (VETO policy): the analyzer is never asked.
     */
    public static EngineKit rulesKit(ScratchLedger ledger, StrategySettings strategy, Clock clock,
            Map<String, String> overrides) {
        EngineKit kit = new EngineKit(config(overrides), strategy, clock, ledger, AnalyzerPort.NONE);
        kit.modes.change(Mode.RULES, Policy.VETO);
        return kit;
    }

    /**
     * The live engine on {@code db} (migrated), frames evaluated on the caller's thread, in RULES mode (VETO policy) at
     * the service's defaults; the ledger ready, {@code shared} by several services or not.
     */
    public static TradingEngine rulesEngine(Db db, boolean shared, StrategySettings strategy, Clock clock) {
        TradingEngine engine = TradingEngine.onCallersThread(config(Map.of()), strategy,
                EngineKit.ports(db, new ReadyLedger(shared), AnalyzerPort.NONE, clock));
        engine.modes.change(Mode.RULES, Policy.VETO);
        return engine;
    }

    /** A ledger that takes writes. */
    private record ReadyLedger(boolean shared) implements LedgerState {

        @Override
        public boolean ready() {
            return true;
        }
    }
}
