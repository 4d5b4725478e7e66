package io.signaldesk.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The transport switch (issue 14), the same in every service: {@code signal.transport} (env SIGNAL_TRANSPORT) is
 * websocket (default) or kafka; {@link TransportChannels} turns it into every Kafka channel's
 * {@code mp.messaging.*.enabled}. Each service reads it in one bean that picks its adapters (decision-service's
 * {@code adapter/Transports}, the feed's and the analyzer's {@code kafka/KafkaTransport}); that injection is also what
 * registers the mapping (without one Quarkus refuses {@code signal.transport} at start).
 */
@ConfigMapping(prefix = "signal")
public interface TransportConfig {

    /** websocket (default: no Kafka connection at all) or kafka (with kafka.bootstrap.servers, env KAFKA_BOOTSTRAP_SERVERS). */
    @WithDefault("websocket")
    Transport transport();

    default boolean kafka() {
        return transport() == Transport.KAFKA;
    }
}
