package io.signaldesk.decision.backtest;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.signaldesk.common.config.SignalConfig;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.engine.RiskService;

/**
 * The backtest starts from the service's settings as they are when it is asked: its decision.* configuration and the
 * run-time mode, confirmation and risk limits; it reads and writes files of the data directory only.
 */
public class BacktestProducer {

    @Produces
    @Singleton
    BacktestService backtestService(Config config, ModeService modes, ProposalService proposals, RiskService risk,
            SignalConfig data, io.signaldesk.decision.engine.EdgeService edge) {
        return new BacktestService(() -> new BacktestConfig(BacktestConfig.decisionValues(config), modes.current(),
                proposals.requireConfirmation(), proposals.autoMinConfidence(), risk.limits()),
                DataDirectory.confined(Path.of(data.dataDir()), "GET /api/backtest/files"), edge::seed,
                HeapGiveBack::afterBacktest);
    }

    @Produces
    @Singleton
    BacktestReports backtestReports(SignalConfig data) {
        return new BacktestReports(DataDirectory.confined(Path.of(data.dataDir()), "GET /api/backtest/files"));
    }
}
