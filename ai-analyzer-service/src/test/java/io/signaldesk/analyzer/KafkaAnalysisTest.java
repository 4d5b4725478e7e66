package io.signaldesk.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.analyzer.service.AnalysisCache;
import io.signaldesk.analyzer.service.ModelGateway;
import io.signaldesk.kafka.test.KafkaBroker;
import io.signaldesk.kafka.test.KafkaBrokerResource;

/**
 * The analyzer as a member of the ai-analyzers group on a real one-node KRaft broker: a request record on
 * signal.analysis.requests is answered on its reply topic, decision first; a poison record goes to the dead-letter
 * topic and the next request is still answered; a request past its deadline is dropped unanswered.
 */
@QuarkusTest
@TestProfile(KafkaAnalysisTest.OnKafka.class)
@QuarkusTestResource(StubServers.class)
class KafkaAnalysisTest {

    /** The analyzer on a broker of its own (SIGNAL_TRANSPORT=kafka), named so its answers say who served them. */
    public static class OnKafka implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaBrokerResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("analyzer.kafka.instance", "analyzer-under-test");
        }
    }

    private static final String REQUESTS = "signal.analysis.requests";
    private static final String MARKET = StubServers.fixture("feed/snapshot.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ModelGateway gateway;

    @Inject
    AnalysisCache cache;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void freshStubs() {
        StubServers.reset();
        ModelWarmup.once(gateway);
        cache.clear();
    }

    @Test
    void answersAnEntryRequestWithItsDecisionFirstThenTheWholeAnswerOnTheReplyTopic() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("KafkaAnalysisTest");
        OllamaReplies.answer("{\"enter\":true,\"confidence\":8,\"reason\":\"Bids at 62 % and rising momentum back the long.\"}");
        String id = UUID.randomUUID().toString();
        String replyTo = "signal.analysis.results.answers";

        broker.send(REQUESTS, "BTC", entry(id, Instant.now().plusSeconds(20), replyTo));

        List<ConsumerRecord<String, String>> answer = broker.read(replyTo, 2, WAIT);
        assertEquals(2, answer.size(), "a signal and a done record");
        JsonNode signal = MAPPER.readTree(answer.get(0).value());
        JsonNode done = MAPPER.readTree(answer.get(1).value());
        assertEquals(id, answer.get(0).key(), "keyed by request id");
        assertEquals("signal", signal.path("kind").asText());
        assertEquals(id, signal.path("requestId").asText());
        assertEquals("BTC", signal.path("coin").asText());
        assertEquals("analyzer-under-test", signal.path("analyzer").asText());
        assertTrue(signal.path("data").path("decision").path("enter").asBoolean());
        assertEquals(8, signal.path("data").path("decision").path("confidence").asInt());
        assertEquals("AI", signal.path("data").path("source").asText());
        assertEquals("done", done.path("kind").asText());
        assertEquals("Bids at 62 % and rising momentum back the long.", done.path("data").path("result").path("reason").asText());
        assertEquals("AI", done.path("data").path("source").asText());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRequestIsStillAnswered() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("KafkaAnalysisTest");
        OllamaReplies.answer("{\"enter\":false,\"confidence\":4,\"reason\":\"Momentum is too weak.\"}");
        String replyTo = "signal.analysis.results.poison";
        String poison = "{\"requestId\":\"p-1\",\"type\":\"ENTRY\",\"deadline\":\"2099-01-01T00:00:00Z\","
                + "\"replyTo\":\"" + replyTo + "\",\"body\":{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":\"cheap\"}}";
        String id = UUID.randomUUID().toString();

        broker.send(REQUESTS, "BTC", poison);
        broker.send(REQUESTS, "BTC", entry(id, Instant.now().plusSeconds(20), replyTo));

        List<ConsumerRecord<String, String>> answer = broker.read(replyTo, 2, WAIT);
        assertEquals(List.of(id, id), answer.stream().map(ConsumerRecord::key).toList(), "only the good request is answered");
        List<ConsumerRecord<String, String>> dead = broker.read(REQUESTS + ".dlq", WAIT,
                records -> records.stream().anyMatch(r -> poison.equals(r.value())));
        ConsumerRecord<String, String> refused = dead.stream().filter(r -> poison.equals(r.value())).findFirst().orElseThrow();
        String reason = new String(refused.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("body.price"), reason);
        assertTrue(registry.counter("analyzer.kafka.rejected").count() >= 1);
    }

    @Test
    void aRequestPastItsDeadlineIsDroppedNotAnsweredLate() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("KafkaAnalysisTest");
        OllamaReplies.answer("{\"enter\":true,\"confidence\":6,\"reason\":\"Buyers lead.\"}");
        String replyTo = "signal.analysis.results.stale";
        String stale = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        double before = registry.counter("analyzer.kafka.requests", "type", "ENTRY", "outcome", "stale").count();

        broker.send(REQUESTS, "ETH", entry(stale, Instant.now().minusSeconds(1), replyTo).replace("\"BTC\"", "\"ETH\""));
        broker.send(REQUESTS, "ETH", entry(fresh, Instant.now().plusSeconds(20), replyTo).replace("\"BTC\"", "\"ETH\""));

        List<ConsumerRecord<String, String>> answers = broker.read(replyTo, 2, WAIT);
        assertEquals(List.of(fresh, fresh), answers.stream().map(ConsumerRecord::key).toList());
        assertFalse(answers.stream().anyMatch(r -> r.value().contains(stale)));
        assertEquals(before + 1, registry.counter("analyzer.kafka.requests", "type", "ENTRY", "outcome", "stale").count());
    }

    private static String entry(String id, Instant deadline, String replyTo) {
        return "{\"requestId\":\"" + id + "\",\"type\":\"ENTRY\",\"deadline\":\"" + deadline + "\",\"replyTo\":\"" + replyTo
                + "\",\"body\":{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.10,\"market\":" + MARKET + "}}";
    }
}
