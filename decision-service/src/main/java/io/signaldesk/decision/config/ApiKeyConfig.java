package io.signaldesk.decision.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The API key guarding mutating endpoints; set through the SIGNAL_API_KEY environment variable. */
@ConfigMapping(prefix = "signal")
public interface ApiKeyConfig {

    /** Required in X-Api-Key on every mutating endpoint when present; absent means open. */
    Optional<String> apiKey();
}
