package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.signaldesk.kafka.test.KafkaBroker;

/**
 * kafka-test-support's broker as a process: it serves records, and keeps them across a kill -9 and a restart on the
 * same directory. Here, beside the other process-level tests, rather than in kafka-test-support: two broker starts
 * took 22-60 s there, and every service module waited for them before it could start.
 */
class KafkaBrokerIT {

    @Test
    void servesRecordsAndKeepsThemAcrossAKill() {
        try (KafkaBroker broker = KafkaBroker.require("KafkaBrokerIT")) {
            broker.start();
            broker.createTopic("probe", 1, Map.of());
            broker.send("probe", "BTC", "{\"price\":1}");
            assertEquals(List.of("BTC={\"price\":1}"), text(broker.read("probe", 1, Duration.ofSeconds(30))));

            broker.kill();
            broker.start();
            broker.send("probe", "ETH", "{\"price\":2}");
            assertEquals(List.of("BTC={\"price\":1}", "ETH={\"price\":2}"),
                    text(broker.read("probe", 2, Duration.ofSeconds(30))));
        }
    }

    private static List<String> text(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> r.key() + "=" + r.value()).toList();
    }
}
