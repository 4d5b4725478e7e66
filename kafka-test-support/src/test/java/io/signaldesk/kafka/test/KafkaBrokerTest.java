package io.signaldesk.kafka.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void servesRecordsAndKeepsThemAcrossAKill() {
        try (KafkaBroker broker = KafkaBroker.require("KafkaBrokerTest")) {
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

    @Test
    void clusterIdsNeverLookLikeAnOption() {
        for (int i = 0; i < 10_000; i++) {
            String id = KafkaBroker.uuidBase64();
            assertEquals(22, id.length(), id);
            assertFalse(id.startsWith("-"), id);
        }
    }

    private static List<String> text(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> r.key() + "=" + r.value()).toList();
    }
}
