package io.signaldesk.analyzer.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** A second model scored beside the one in use ({@code analyzer.shadow.*}): it answers the desk's questions on idle time. */
@ConfigMapping(prefix = "analyzer.shadow")
public interface ShadowConfig {

    /** The shadow model's Ollama name (env ANALYZER_SHADOW_MODEL); unset or empty: no shadow. */
    Optional<String> model();

    /** Memory Ollama may give models on this machine, in bytes or with a unit (5500000000, 48G); default 3/4 of this machine's RAM. */
    Optional<MemorySize> modelMemory();

    /** Longest a shadow question waits for an idle model before it is skipped. */
    @WithDefault("30s")
    Duration maxWait();

    /** Shadow questions waiting at most; one more is skipped at once. */
    @WithDefault("4")
    int backlog();

    /** How often Ollama's loaded models are read again to decide whether the shadow fits beside the model in use. */
    @WithDefault("1m")
    Duration checkEvery();
}
