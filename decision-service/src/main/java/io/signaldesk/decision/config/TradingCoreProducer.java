package io.signaldesk.decision.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.signaldesk.common.config.StrategyConfig;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.strategy.StrategySettings;

/**
 * The strategy the service trades ({@code strategy.*}, the core's {@link StrategySettings}) and its fee model as beans
 * (the rules and exit policy are the engine's own: {@link EngineProducer}).
 */
public class TradingCoreProducer {

    /** {@code strategy.*} as the core's record (checked: a bad value stops the start with its range). */
    @Produces
    @Singleton
    StrategySettings strategy(StrategyConfig config) {
        return config.settings();
    }

    /** {@code strategy.costs.*}: the one cost model of fills, backtest and edge gate. */
    @Produces
    @Singleton
    FeeModel feeModel(StrategySettings strategy) {
        return strategy.costs();
    }
}
