package io.signaldesk.decision.adapter.analyzer;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.signaldesk.common.kafka.KafkaTopics;
import io.signaldesk.common.kafka.StartupTopics;
import io.smallrye.common.annotation.Identifier;

/**
 * In kafka mode, the analysis topics are made when missing before the first request is published (the analyzers do
 * the same): requests and results with {@code decision.kafka-analysis.partitions} partitions, and the results'
 * dead-letter topic.
 */
@Singleton
public class AnalysisTopics extends StartupTopics {

    AnalysisTopics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "decision.kafka-analysis.partitions") int partitions,
            @ConfigProperty(name = "mp.messaging.outgoing.analysis-requests.topic") String requests,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-results.topic") String results,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-results.dead-letter-queue.topic") String resultsDlq) {
        super(kafkaConfig, KafkaTopics.topics(List.of(requests, results, resultsDlq), partitions));
    }
}
