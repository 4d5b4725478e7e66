package io.signaldesk.common.config;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings the three services share under {@code signal.}: the API key, the data directory, body limits. */
@ConfigMapping(prefix = "signal")
public interface SignalConfig {

    /** Required in X-Api-Key on the mutating calls under {@link #apiKeyPaths()} when present (env SIGNAL_API_KEY); absent means open. */
    Optional<String> apiKey();

    /**
     * The decision engine's key (env SIGNAL_ENGINE_KEY; absent: the API key): the decision service sends it in
     * X-Engine-Key with its analyses, and the analyzer serves what carries it in the desk's lane, ahead of outside
     * callers and free of their rate limit. Absent both, the analyzer cannot tell the engine from anyone.
     */
    Optional<String> engineKey();

    /** The key the engine presents: {@link #engineKey()}, else {@link #apiKey()}; empty when neither is set. */
    default Optional<String> deskKey() {
        return engineKey().filter(k -> !k.isBlank()).or(() -> apiKey().filter(k -> !k.isBlank()));
    }

    /** Path prefixes whose POST/PUT/PATCH/DELETE need the API key ({@code /api} guards /api and everything below it); none guards nothing. */
    Optional<List<String>> apiKeyPaths();

    /** The only folder whose files a caller may name; env SIGNAL_DATA_DIR, relative to the working directory. */
    @WithDefault("data")
    String dataDir();

    /** Request body limits, checked on the declared length before a body is read. */
    Http http();

    interface Http {

        /** Largest body on every path but the upload paths. */
        @WithDefault("256K")
        MemorySize bodyLimit();

        /** Largest body on the upload paths (keep it at quarkus.http.limits.max-body-size, the hard cap). */
        @WithDefault("256K")
        MemorySize uploadLimit();

        /** Paths that take {@link #uploadLimit()} (exact paths, e.g. /api/backtest). */
        Optional<List<String>> uploadPaths();

        /**
         * Origins (scheme://host:port) besides the service's own whose browser pages may call its mutating endpoints
         * (a dashboard served elsewhere); none by default.
         */
        Optional<List<String>> allowedOrigins();
    }
}
