package io.signaldesk.common.kafka;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.NewTopic;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.common.config.TransportConfig;

/**
 * Topics a service makes at its start in kafka mode, before its channels use them (first among the start-up
 * observers); a broker that is not there yet never fails the start ({@link KafkaTopics#ensureOrWarn}), the channels'
 * health reports it. A service's bean extends this and names its topics.
 */
public abstract class StartupTopics {

    private final boolean kafka;
    private final Map<String, Object> kafkaConfig;
    private final List<NewTopic> topics;

    /** {@code kafkaConfig}: the channels' connection settings (the {@code default-kafka-broker} map). */
    protected StartupTopics(TransportConfig transport, Map<String, Object> kafkaConfig, List<NewTopic> topics) {
        this.kafka = transport.kafka();
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
    }

    protected void onStart(@Observes @Priority(1) StartupEvent event) {
        if (kafka) {
            KafkaTopics.ensureOrWarn(kafkaConfig, topics);
        }
    }
}
