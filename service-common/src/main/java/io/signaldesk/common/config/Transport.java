package io.signaldesk.common.config;

/** How the services talk (signal.transport, env SIGNAL_TRANSPORT): WebSocket and HTTP (default) or Kafka. */
public enum Transport {
    WEBSOCKET,
    KAFKA
}
