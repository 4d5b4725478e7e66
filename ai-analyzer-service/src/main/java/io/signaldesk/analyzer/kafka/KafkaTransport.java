package io.signaldesk.analyzer.kafka;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.common.config.TransportConfig;

/**
 * The one place the analyzer reads {@code signal.transport}: in the kafka transport its analysis topics are made first
 * thing at start ({@link AnalysisTopics}), before {@link AnalysisRequestConsumer}'s channel subscribes (the channels
 * themselves follow the key through service-common's TransportChannels). HTTP, SSE and /ws/analysis serve in both.
 */
@Singleton
public class KafkaTransport {

    private final boolean kafka;

    KafkaTransport(TransportConfig transport) {
        this.kafka = transport.kafka();
    }

    void onStart(@Observes @Priority(1) StartupEvent event, Instance<AnalysisTopics> topics) {
        if (kafka) {
            topics.get().ensure();
        }
    }
}
