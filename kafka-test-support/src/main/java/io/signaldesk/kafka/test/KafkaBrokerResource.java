package io.signaldesk.kafka.test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Quarkus test resource: a real broker for the test profile's application, which then runs with
 * {@code signal.transport=kafka} and {@code kafka.bootstrap.servers} pointing at it. Without the broker's jars it
 * starts nothing and leaves the application on WebSocket; the test's first line, {@link #require(String)}, then
 * skips it (fails with CI set). Init arg {@code topics}: comma-separated topics to create before the application
 * starts ({@code name} or {@code name:compact}).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker running;
    private Map<String, String> args = Map.of();
    private KafkaBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        Optional<KafkaBroker> created = KafkaBroker.create();
        if (created.isEmpty()) {
            return Map.of("signal.transport", "websocket");
        }
        broker = created.get().start();
        for (String topic : args.getOrDefault("topics", "").split(",")) {
            if (!topic.isBlank()) {
                String[] parts = topic.strip().split(":");
                boolean compact = parts.length > 1 && parts[1].equals("compact");
                broker.createTopic(parts[0], 3, compact ? Map.of("cleanup.policy", "compact") : Map.of());
            }
        }
        running = broker;
        Map<String, String> config = new HashMap<>();
        config.put("signal.transport", "kafka");
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            running = null;
            broker.close();
        }
    }

    /** This resource's broker once started (null without the broker's jars), for a subclass that seeds topics. */
    protected KafkaBroker broker() {
        return broker;
    }

    /** The broker of the running test application, or a skip (a failure with CI set) when there is none. */
    public static KafkaBroker require(String test) {
        KafkaBroker current = running;
        if (current == null) {
            KafkaBroker.skipOrFail(test);
        }
        return current;
    }
}
