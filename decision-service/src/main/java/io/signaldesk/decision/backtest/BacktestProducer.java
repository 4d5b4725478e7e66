package io.signaldesk.decision.backtest;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.signaldesk.common.config.SignalConfig;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.service.RulesStrategy;

/**
 * The backtest runs the engine's own rules strategy bean with the service's {@code decision.*} settings, on files
 * of the data directory only.
 */
public class BacktestProducer {

    @Produces
    @Singleton
    BacktestService backtestService(RulesStrategy strategy, DecisionConfig config, SignalConfig data) {
        return new BacktestService(strategy, defaults(config), DataDirectory.confined(Path.of(data.dataDir()), "GET /api/backtest/files"));
    }

    public static BacktestService.Defaults defaults(DecisionConfig config) {
        DecisionConfig.Paper paper = config.paper();
        return new BacktestService.Defaults(paper.feePct(), paper.slippagePct(), config.scoring().flatBandPct(),
                config.rules().momentumPct(), paper.initialEquity(), paper.defaultSizePct(), paper.defaultStopLossPct(),
                paper.takeProfitPct());
    }
}
