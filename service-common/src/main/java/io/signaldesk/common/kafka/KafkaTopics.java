package io.signaldesk.common.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Makes a service's topics before its first record, so the broker does not auto-create them with its own defaults
 * (one partition, no compaction). Topics that are missing are created as given; a topic that exists keeps its
 * partitions, but the configs given for it (e.g. compaction of a latest-state topic) are set again. One copy for
 * the feed's market topics and the analysis topics of the analyzer and the decision service.
 */
public final class KafkaTopics {

    /** The client settings an admin client needs to reach the broker the service's channels use. */
    private static final List<String> CONNECTION_KEYS = List.of("bootstrap.servers", "security.protocol",
            "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password",
            "ssl.truststore.type");

    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);

    private KafkaTopics() {
    }

    /** Topics of {@code partitions} partitions each, with the broker's defaults otherwise. */
    public static List<NewTopic> topics(Collection<String> names, int partitions) {
        return names.stream().map(name -> topic(name, partitions, Map.of())).toList();
    }

    /**
     * {@link #ensure} for a service's start: logs instead of throwing, so a broker that is not there yet never fails
     * the start (the channels' health reports it). Returns whether the topics are ready.
     */
    public static boolean ensureOrWarn(Map<String, ?> clientConfig, Collection<NewTopic> topics) {
        List<String> names = topics.stream().map(NewTopic::name).toList();
        try {
            ensure(clientConfig, topics);
            LOG.infof("Kafka topics %s ready (%d partitions when created here)", names,
                    topics.stream().mapToInt(NewTopic::numPartitions).max().orElse(0));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("could not make the Kafka topics %s on %s: %s", names, clientConfig.get("bootstrap.servers"),
                    e.toString());
        }
        return false;
    }

    /** A topic of {@code partitions} partitions with the broker's replication factor and the given configs. */
    public static NewTopic topic(String name, int partitions, Map<String, String> configs) {
        return new NewTopic(name, partitions, (short) -1).configs(configs);
    }

    /**
     * Creates the missing topics and sets the given configs on the existing ones; throws when the broker cannot be
     * reached within about 10 s, so the caller decides whether to retry or to go on (the channels' health reports
     * the broker either way).
     */
    public static void ensure(Map<String, ?> clientConfig, Collection<NewTopic> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Object> config = new HashMap<>();
        for (String key : CONNECTION_KEYS) {
            if (clientConfig.containsKey(key)) {
                config.put(key, clientConfig.get(key));
            }
        }
        config.put("request.timeout.ms", 5000);
        config.put("default.api.timeout.ms", 10000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (NewTopic topic : topics) {
                if (!existing.contains(topic.name())) {
                    create(admin, topic);
                } else if (topic.configs() != null && !topic.configs().isEmpty()) {
                    reconfigure(admin, topic);
                }
            }
        }
    }

    private static void create(Admin admin, NewTopic topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void reconfigure(Admin admin, NewTopic topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        List<AlterConfigOp> ops = topic.configs().entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(10, TimeUnit.SECONDS);
    }
}
