package io.signaldesk.feed.kafka;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

import io.signaldesk.common.kafka.KafkaTopics;

/**
 * The feed's two topics: the stream (kept a day) and the latest-state topic, compacted so that it holds each coin's
 * last snapshot (a new consumer reads it from the start and has current prices). An existing latest topic is
 * switched to compaction.
 */
final class MarketTopics {

    static final Map<String, String> STREAM = Map.of("cleanup.policy", "delete", "retention.ms", "86400000");
    static final Map<String, String> LATEST = Map.of("cleanup.policy", "compact", "segment.ms", "60000",
            "min.cleanable.dirty.ratio", "0.1", "delete.retention.ms", "60000");

    private MarketTopics() {
    }

    static List<NewTopic> of(String stream, String latest, int partitions) {
        return List.of(KafkaTopics.topic(stream, partitions, STREAM), KafkaTopics.topic(latest, partitions, LATEST));
    }
}
