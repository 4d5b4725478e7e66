package io.signaldesk.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The transport switch (issue 14), the same in every service: {@code signal.transport} (env SIGNAL_TRANSPORT) is
 * websocket (default) or kafka, and every Kafka channel's {@code mp.messaging.*.enabled} is
 * {@code ${signal-transport.kafka-channels.${signal.transport}}} (a table in application.properties: false for
 * websocket, true for kafka). A service must inject this mapping somewhere, or Quarkus does not register it and
 * refuses {@code signal.transport} at start.
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
