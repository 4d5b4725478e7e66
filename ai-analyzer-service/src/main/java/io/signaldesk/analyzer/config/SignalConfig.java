package io.signaldesk.analyzer.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings shared by the three services under {@code signal.}: the API key and the data directory. */
@ConfigMapping(prefix = "signal")
public interface SignalConfig {

    /** Required in X-Api-Key on every control endpoint when present (env SIGNAL_API_KEY); absent means open. */
    Optional<String> apiKey();

    /** The only folder whose files a caller may name (evaluation replays); env SIGNAL_DATA_DIR, relative to the working directory. */
    @WithDefault("data")
    String dataDir();
}
