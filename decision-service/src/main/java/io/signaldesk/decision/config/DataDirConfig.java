package io.signaldesk.decision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The one folder whose files callers may name (backtest candles) and where backtest reports go. */
@ConfigMapping(prefix = "signal")
public interface DataDirConfig {

    /** Data directory (env SIGNAL_DATA_DIR, the same variable in all three services), relative to the working directory. */
    @WithDefault("data")
    String dataDir();
}
