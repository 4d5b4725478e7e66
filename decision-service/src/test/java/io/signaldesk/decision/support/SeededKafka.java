package io.signaldesk.decision.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.signaldesk.kafka.test.KafkaBroker;
import io.signaldesk.kafka.test.KafkaBrokerResource;

/**
 * A real broker whose feed topics hold, before the application starts, what a running feed left there: the ETH
 * snapshot of kafka/eth-snapshot.json (a record the feed published) on the compacted latest-state topic.
 */
public class SeededKafka extends KafkaBrokerResource {

    public static final String LATEST = "signal.market.latest";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        KafkaBroker broker = broker();
        if (broker != null) {
            broker.createTopic(LATEST, 3, Map.of("cleanup.policy", "compact"));
            broker.send(LATEST, "ETH", fixture("kafka/eth-snapshot.json"));
        }
        return config;
    }

    public static String fixture(String name) {
        try (InputStream in = SeededKafka.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
