package io.signaldesk.feed.kafka;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.kafka.test.KafkaBroker;
import io.signaldesk.kafka.test.KafkaBrokerResource;

/** SIGNAL_TRANSPORT=kafka on a real one-node KRaft broker: the simulator's snapshots reach both topics, by coin. */
@QuarkusTest
@TestProfile(KafkaTransportTest.OnKafka.class)
class KafkaTransportTest {

    public static class OnKafka implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaBrokerResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feed.full-snapshot-every", "500ms");
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void publishesEverySnapshotKeyedByCoinAsAOneCoinSnapshotFrame() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("KafkaTransportTest");
        List<ConsumerRecord<String, String>> records = broker.read("signal.market.snapshots", Duration.ofSeconds(60),
                seen -> keys(seen).containsAll(Set.of("BTC", "ETH", "SOL")));
        assertEquals(Set.of("BTC", "ETH", "SOL"), keys(records));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode frame = mapper.readTree(record.value());
            assertEquals("snapshot", frame.get("type").asText());
            assertEquals(1, frame.get("coins").size());
            assertEquals(record.key(), frame.get("coins").get(0).get("coin").asText());
            JsonNode coin = frame.get("coins").get(0);
            JsonNode price = coin.hasNonNull("midPrice") ? coin.get("midPrice") : coin.get("lastPrice");
            assertTrue(price.decimalValue().signum() > 0, record.value());
            assertEquals("simulator", frame.get("feed").get("source").asText());
            assertEquals("simulator", frame.get("feed").get("market").asText());
        }
        // one key lands on one partition: a coin's snapshots stay in order
        Map<String, Set<Integer>> partitions = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
        partitions.values().forEach(p -> assertEquals(1, p.size()));
    }

    @Test
    void keepsTheLatestStateOfEachCoinOnACompactedTopic() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("KafkaTransportTest");
        List<ConsumerRecord<String, String>> records = broker.read("signal.market.latest", Duration.ofSeconds(60),
                seen -> keys(seen).containsAll(Set.of("BTC", "ETH", "SOL")));
        assertEquals(Set.of("BTC", "ETH", "SOL"), keys(records));
        try (Admin admin = broker.admin()) {
            ConfigResource latest = new ConfigResource(ConfigResource.Type.TOPIC, "signal.market.latest");
            ConfigResource stream = new ConfigResource(ConfigResource.Type.TOPIC, "signal.market.snapshots");
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(latest, stream)).all()
                    .get(30, TimeUnit.SECONDS);
            assertEquals("compact", configs.get(latest).get("cleanup.policy").value());
            assertEquals("delete", configs.get(stream).get("cleanup.policy").value());
            assertEquals(3, admin.describeTopics(List.of("signal.market.latest")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("signal.market.latest").partitions().size());
        }
    }

    @Test
    void reportsEachKafkaChannelInReadiness() {
        KafkaBrokerResource.require("KafkaTransportTest");
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("market-snapshots"), containsString("market-latest"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertNotNull(metrics);
        assertTrue(metrics.contains("feed_kafka_records_total{topic=\"signal.market.snapshots\"}"), metrics);
    }

    private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
