package io.signaldesk.decision.client;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.common.config.TransportConfig;
import io.signaldesk.common.kafka.KafkaTopics;
import io.smallrye.common.annotation.Identifier;

/**
 * In kafka mode, creates the analysis topics when missing before the first request is published (the analyzers do
 * the same): requests and results with {@code decision.kafka-analysis.partitions} partitions, and the results'
 * dead-letter topic.
 */
@ApplicationScoped
public class AnalysisTopics {

    private final boolean kafka;
    private final Map<String, Object> kafkaConfig;
    private final int partitions;
    private final List<String> topics;

    AnalysisTopics(TransportConfig transport, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "decision.kafka-analysis.partitions") int partitions,
            @ConfigProperty(name = "mp.messaging.outgoing.analysis-requests.topic") String requests,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-results.topic") String results,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-results.dead-letter-queue.topic") String resultsDlq) {
        this.kafka = transport.kafka();
        this.kafkaConfig = kafkaConfig;
        this.partitions = partitions;
        this.topics = List.of(requests, results, resultsDlq);
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (kafka) {
            KafkaTopics.ensureOrWarn(kafkaConfig, KafkaTopics.topics(topics, partitions));
        }
    }
}
