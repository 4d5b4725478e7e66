package io.signaldesk.decision.adapter.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.ledger.DecisionRepository;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.support.Profiles;
import io.signaldesk.decision.support.SeededKafka;
import io.signaldesk.kafka.test.KafkaBroker;
import io.signaldesk.kafka.test.KafkaBrokerResource;

/**
 * SIGNAL_TRANSPORT=kafka on a real one-node KRaft broker: the feed's records (real payloads the feed published) reach
 * the market state and the engine's entry point; a fresh service starts with the prices already on the compacted
 * topic; a poison record goes to the dead-letter topic and the stream goes on; another feed's prices are refused;
 * decisions go out as events; each channel is in readiness.
 */
@QuarkusTest
@TestProfile(Profiles.OnKafka.class)
class FeedKafkaConsumerTest {

    private static final String LATEST = SeededKafka.LATEST;

    @Inject
    FeedStateService market;

    @Inject
    FeedClient feed;

    /** The market's way in that SIGNAL_TRANSPORT=kafka chose: the Kafka consumer. */
    @Inject
    FeedLink link;

    @Inject
    DecisionRepository decisions;

    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    io.signaldesk.decision.engine.port.AnalyzerPort analyzer;

    @Inject
    io.signaldesk.decision.ledger.EventOutbox outbox;

    /** SIGNAL_TRANSPORT=kafka alone turns every Kafka channel on and picks the Kafka adapters (TransportChoiceTest: the default). */
    @Test
    void kafkaAdaptersAreTheOnesInUse() {
        assertTrue(analyzer instanceof io.signaldesk.decision.adapter.analyzer.ShadowedAnalyzer shadowed
                && shadowed.model() instanceof io.signaldesk.decision.adapter.analyzer.KafkaAnalysisClient,
                "the model in use over Kafka, its shadow over HTTP: " + analyzer);
        assertTrue(link instanceof FeedKafkaConsumer);
        assertTrue(outbox.enabled());
        for (String channel : io.signaldesk.decision.adapter.TransportChoiceTest.CHANNELS) {
            assertTrue(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("mp.messaging." + channel + ".enabled", Boolean.class), channel);
        }
    }

    @Test
    void startsWithTheLatestPriceOnTheCompactedTopic() throws Exception {
        KafkaBrokerResource.require("FeedKafkaConsumerTest");
        BigDecimal seeded = new BigDecimal(mapper.readTree(SeededKafka.fixture("kafka/eth-snapshot.json"))
                .path("coins").get(0).path("midPrice").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> market.latest("ETH").isPresent());
        assertEquals(0, seeded.compareTo(market.latest("ETH").orElseThrow().markPrice()));
    }

    @Test
    void aSnapshotRecordReachesTheMarketAndTheEngineEntryPoint() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("FeedKafkaConsumerTest");
        double frames = feed.frameCount();
        broker.send(LATEST, "BTC", SeededKafka.fixture("kafka/btc-snapshot.json"));
        await().atMost(Duration.ofSeconds(30)).until(() -> market.latest("BTC").isPresent());
        assertTrue(feed.frameCount() > frames);
        assertTrue(link instanceof FeedKafkaConsumer, "kafka transport: the market comes in from Kafka");
        assertTrue(link.connected(), "a record came within stale-after: the feed is connected");
        assertEquals("simulator", market.currentFeed().orElseThrow().source());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheStreamGoesOn() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("FeedKafkaConsumerTest");
        double malformed = feed.malformedCount();
        String sol = SeededKafka.fixture("kafka/sol-snapshot.json");
        broker.send(LATEST, "SOL", "{\"type\":\"snapshot\",\"coins\":[{\"coin\":\"SOL\",\"lastPrice\":\"a lot\"}]");
        broker.send(LATEST, "BTC", sol); // a SOL frame under the key BTC
        broker.send(LATEST, "SOL", sol);

        await().atMost(Duration.ofSeconds(30)).until(() -> market.latest("SOL").isPresent());
        List<ConsumerRecord<String, String>> dead = broker.read("signal.market.dlq", 2, Duration.ofSeconds(30));
        assertEquals(2, dead.size(), "both poison records are on the dead-letter topic");
        assertTrue(dead.stream().anyMatch(r -> r.value().contains("a lot")));
        assertTrue(dead.stream().allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null));
        assertTrue(new String(dead.stream().filter(r -> "BTC".equals(r.key())).findFirst().orElseThrow().headers()
                .lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8).contains("other than the record's key"));
        assertEquals(malformed + 2, feed.malformedCount());
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("market-in"));
    }

    @Test
    void skipsARecordOlderThanTheMaximumAge() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("FeedKafkaConsumerTest");
        JsonNode frame = mapper.readTree(SeededKafka.fixture("kafka/btc-snapshot.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) frame.path("coins").get(0)).put("coin", "LTC");
        double frames = feed.frameCount();
        broker.send(LATEST, "LTC", mapper.writeValueAsString(frame), System.currentTimeMillis() - 3_600_000L);
        broker.send(LATEST, "BTC", SeededKafka.fixture("kafka/btc-snapshot.json")); // after it, on its own partition or not
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.frameCount() > frames);
        await().atMost(Duration.ofSeconds(30)).until(() -> oldRecords() >= 1);
        assertFalse(market.latest("LTC").isPresent(), "an hour-old price is not taken");
    }

    private double oldRecords() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("decision_feed_kafka_old_total")).mapToDouble(
                l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void refusesAnotherFeedsPrices() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("FeedKafkaConsumerTest");
        JsonNode frame = mapper.readTree(SeededKafka.fixture("kafka/btc-snapshot.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) frame.path("feed")).put("source", "binance").put("market", "binance");
        ((com.fasterxml.jackson.databind.node.ObjectNode) frame.path("coins").get(0)).put("coin", "DOGE");
        broker.send(LATEST, "DOGE", mapper.writeValueAsString(frame));
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.refusedFeed().isPresent());
        assertFalse(market.latest("DOGE").isPresent(), "binance's prices are not this service's market");
    }

    @Test
    void publishesEachDecisionAsAnEventWithItsId() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("FeedKafkaConsumerTest");
        Decision decision = new Decision(0, Instant.now(), Instant.now(), "XRP", ProposalKind.ENTRY, DecisionOutcome.HOLD,
                Mode.RULES, Policy.VETO, DecisionSource.RULES, null, null, "momentum flat", null, null, null, null, null);
        decisions.insert(decision);
        List<ConsumerRecord<String, String>> events = broker.read("signal.decisions", Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> "XRP".equals(r.key())));
        Optional<ConsumerRecord<String, String>> event = events.stream().filter(r -> "XRP".equals(r.key())).findFirst();
        assertTrue(event.isPresent(), "the decision is on signal.decisions");
        JsonNode json = mapper.readTree(event.get().value());
        String id = new String(event.get().headers().lastHeader("event-id").value(), StandardCharsets.UTF_8);
        assertEquals(json.path("eventId").asText(), id);
        assertTrue(id.startsWith("decision-"));
        assertEquals("decision", json.path("type").asText());
        assertEquals("momentum flat", json.path("decision").path("ruleReason").asText());
        assertNotNull(json.path("decision").path("at").asText());
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("ledger-events"));
    }
}
