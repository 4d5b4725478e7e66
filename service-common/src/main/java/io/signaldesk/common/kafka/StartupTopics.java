package io.signaldesk.common.kafka;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * Topics a service makes at its start in kafka mode, before its channels use them: the service's transport choice
 * calls {@link #ensure()} first among its start-up work; a broker that is not there yet never fails the start
 * ({@link KafkaTopics#ensureOrWarn}), the channels' health reports it. A service's bean extends this and names its
 * topics.
 */
public abstract class StartupTopics {

    private final Map<String, Object> kafkaConfig;
    private final List<NewTopic> topics;

    /** {@code kafkaConfig}: the channels' connection settings (the {@code default-kafka-broker} map). */
    protected StartupTopics(Map<String, Object> kafkaConfig, List<NewTopic> topics) {
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
    }

    /** Makes the missing topics (and sets their configs again); warns and goes on when the broker is not there. */
    public void ensure() {
        KafkaTopics.ensureOrWarn(kafkaConfig, topics);
    }
}
