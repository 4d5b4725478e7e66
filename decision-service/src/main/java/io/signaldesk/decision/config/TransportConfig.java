package io.signaldesk.decision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the services talk: {@code signal.transport} (env SIGNAL_TRANSPORT), the same variable in all three services. */
@ConfigMapping(prefix = "signal")
public interface TransportConfig {

    /** websocket (one machine, today's behaviour) or kafka (analyses asked of a consumer group of analyzers). */
    @WithDefault("websocket")
    Transport transport();

    enum Transport {
        WEBSOCKET, KAFKA
    }
}
