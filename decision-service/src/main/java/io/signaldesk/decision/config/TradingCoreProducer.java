package io.signaldesk.decision.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.signaldesk.core.edge.EdgeSettings;
import io.signaldesk.core.exit.ExitSettings;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.rules.RuleThresholds;

/**
 * The trading core's settings from {@code decision.rules.*}, {@code decision.paper.*}, {@code decision.edge.*} and
 * {@code decision.exit-check.*}, and its fee model as a bean (the rules and exit policy are the engine's own:
 * {@link EngineProducer}).
 */
public class TradingCoreProducer {

    @Produces
    @Singleton
    FeeModel feeModel(DecisionConfig config) {
        return feeModel(config.paper());
    }

    /** {@code decision.paper.fee-pct} and {@code slippage-pct}: the one cost model of fills, backtest and edge gate. */
    public static FeeModel feeModel(DecisionConfig.Paper paper) {
        return new FeeModel(paper.feePct(), paper.slippagePct());
    }

    /** {@code decision.edge.*} as the core's settings (checked: a bad value stops the start with its range). */
    public static EdgeSettings edgeSettings(DecisionConfig.Edge edge) {
        return new EdgeSettings(edge.minSample(), edge.confidence(), edge.priorStrength());
    }

    /** {@code decision.rules.*} as the core's thresholds record. */
    public static RuleThresholds thresholds(DecisionConfig.Rules rules) {
        return new RuleThresholds(rules.momentumPct(), rules.bidShare(), rules.flowRatio());
    }

    /** {@code decision.paper.default-stop-loss-pct}, {@code take-profit-pct} and {@code decision.exit-check.*}. */
    public static ExitSettings exitSettings(DecisionConfig config) {
        return new ExitSettings(config.paper().defaultStopLossPct(), config.paper().takeProfitPct(),
                config.exitCheck().every(), config.exitCheck().adverseMovePct());
    }
}
