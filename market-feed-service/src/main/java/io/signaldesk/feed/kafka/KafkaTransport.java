package io.signaldesk.feed.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.signaldesk.common.config.TransportConfig;

/**
 * Starts the Kafka publisher in the kafka transport only. In the websocket transport the Kafka channels are
 * disabled (mp.messaging.*.enabled from signal.transport), so no bean that holds their emitters may be created.
 */
@ApplicationScoped
public class KafkaTransport {

    private final TransportConfig transport;
    private final Instance<MarketKafkaPublisher> publisher;

    KafkaTransport(TransportConfig transport, Instance<MarketKafkaPublisher> publisher) {
        this.transport = transport;
        this.publisher = publisher;
    }

    public boolean enabled() {
        return transport.kafka();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled()) {
            publisher.get().start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (enabled()) {
            publisher.get().stop();
        }
    }
}
