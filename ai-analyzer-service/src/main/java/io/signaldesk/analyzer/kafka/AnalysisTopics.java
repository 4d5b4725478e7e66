package io.signaldesk.analyzer.kafka;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.common.kafka.KafkaTopics;
import io.signaldesk.common.kafka.StartupTopics;
import io.smallrye.common.annotation.Identifier;

/**
 * In kafka mode, the analysis topics are made when they are missing, before the consumer subscribes: the requests
 * topic with enough partitions for a group of analyzers (each takes whole partitions, so partitions bound how many
 * analyzers and in-flight slots can share the work), the results topic and both dead-letter topics. A broker that
 * already has them (or creates topics itself) is left as it is.
 */
@Singleton
public class AnalysisTopics extends StartupTopics {

    AnalysisTopics(AnalyzerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-requests.topic") String requests,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-requests.dead-letter-queue.topic") String requestsDlq) {
        super(kafkaConfig, KafkaTopics.topics(List.of(requests, requestsDlq, config.kafka().replyTopicPrefix()),
                config.kafka().partitions()));
    }
}
