package io.signaldesk.feed.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The feed's two topics, made before the first record so the broker does not auto-create them with its defaults:
 * the stream (kept a day) and the latest-state topic, compacted so that it holds each coin's last snapshot (a new
 * consumer reads it from the start and has current prices). An existing latest topic is switched to compaction.
 */
final class KafkaTopics {

    static final Map<String, String> STREAM = Map.of("cleanup.policy", "delete", "retention.ms", "86400000");
    static final Map<String, String> LATEST = Map.of("cleanup.policy", "compact", "segment.ms", "60000",
            "min.cleanable.dirty.ratio", "0.1", "delete.retention.ms", "60000");

    private KafkaTopics() {
    }

    /** Creates the topics that are missing; throws when the broker cannot be reached in time. */
    static void ensure(Map<String, Object> clientConfig, String stream, String latest, int partitions)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Map<String, Object> config = new HashMap<>();
        for (String key : List.of("bootstrap.servers", "security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type")) {
            if (clientConfig.containsKey(key)) {
                config.put(key, clientConfig.get(key));
            }
        }
        config.put("request.timeout.ms", 5000);
        config.put("default.api.timeout.ms", 10000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (NewTopic topic : List.of(new NewTopic(stream, partitions, (short) -1).configs(STREAM),
                    new NewTopic(latest, partitions, (short) -1).configs(LATEST))) {
                if (existing.contains(topic.name())) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            if (existing.contains(latest)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, latest);
                List<AlterConfigOp> ops = LATEST.entrySet().stream()
                        .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                        .toList();
                admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
