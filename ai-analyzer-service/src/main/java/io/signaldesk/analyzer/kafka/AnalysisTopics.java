package io.signaldesk.analyzer.kafka;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.common.config.TransportConfig;
import io.signaldesk.common.kafka.KafkaTopics;
import io.smallrye.common.annotation.Identifier;

/**
 * In kafka mode, creates the analysis topics when they are missing, before the consumer subscribes: the requests
 * topic with enough partitions for a group of analyzers (each takes whole partitions, so partitions bound how many
 * analyzers and in-flight slots can share the work), the results topic and both dead-letter topics. A broker that
 * already has them (or creates topics itself) is left as it is.
 */
@ApplicationScoped
public class AnalysisTopics {

    private final boolean kafka;
    private final Map<String, Object> kafkaConfig;
    private final int partitions;
    private final List<String> topics;

    AnalysisTopics(TransportConfig signal, AnalyzerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-requests.topic") String requests,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-requests.dead-letter-queue.topic") String requestsDlq) {
        this.kafka = signal.kafka();
        this.kafkaConfig = kafkaConfig;
        this.partitions = config.kafka().partitions();
        this.topics = List.of(requests, requestsDlq, config.kafka().replyTopicPrefix());
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (kafka) {
            KafkaTopics.ensureOrWarn(kafkaConfig, KafkaTopics.topics(topics, partitions));
        }
    }
}
