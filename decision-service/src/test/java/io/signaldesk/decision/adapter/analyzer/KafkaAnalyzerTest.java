package io.signaldesk.decision.adapter.analyzer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.ledger.DecisionRepository;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.Profiles;
import io.signaldesk.kafka.test.KafkaBroker;
import io.signaldesk.kafka.test.KafkaBrokerResource;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.signaldesk.decision.engine.port.AiAnswer;

/**
 * The engine asking over a real one-node KRaft broker (SIGNAL_TRANSPORT=kafka), the test playing the analyzer group:
 * it acts on the decision record and fills the reason in from the done record; with no answer by its deadline the
 * rules decide, labelled TIMEOUT, and the late answer is counted and ignored; a results record that is not an
 * answer goes to the dead-letter topic and answers keep arriving.
 */
@QuarkusTest
@TestProfile(Profiles.OnKafka.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaAnalyzerTest {

    private static final String REQUESTS = "signal.analysis.requests";
    private static final String RESULTS = "signal.analysis.results";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Desk desk;

    @Inject
    DecisionRepository decisions;

    @Inject
    KafkaClientService kafka;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void answersAreBeingRead() {
        KafkaBroker broker = KafkaBrokerResource.require("KafkaAnalyzerTest");
        // the results consumer starts from the newest record: answers sent before it has its partitions are not seen
        await().atMost(WAIT).until(() -> !kafka.getConsumer("analysis-results").getAssignments().await()
                .atMost(Duration.ofSeconds(5)).isEmpty());
        desk.engine().resetCooldowns();
    }

    /**
     * First of this class: nothing was asked or answered yet (the feed tests sharing this application ask nothing),
     * and the Kafka counters are there, at 0; once the answers consumer has its partitions (awaited before each
     * test), readiness says so.
     */
    @Test
    @Order(0)
    void theKafkaAnswerCountersExistFromTheStartAndReadinessWaitsForTheAnswersPartitions() {
        assertEquals(0.0, registry.get("decision.analyzer.kafka.late").counter().count());
        assertEquals(0.0, registry.get("decision.analyzer.kafka.rejected").counter().count());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'analysis answers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'analysis answers' }.data.partitions", equalTo("assigned"));
    }

    @Test
    @Order(1)
    void actsOnTheDecisionOfTheAnalyzerGroupAndFillsInTheReasonWhenItArrives() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("KafkaAnalyzerTest");
        desk.modes().change(Mode.AI, Policy.VETO);
        JsonNode request;
        CompletableFuture<Decision> decided;
        try (KafkaBroker.Reader requests = broker.reader(REQUESTS)) {
            decided = evaluate(Market.bullish("KA", "100"));
            request = requestFor(requests, "KA");
        }
        String id = request.path("requestId").asText();
        assertEquals("ENTRY", request.path("type").asText());
        assertEquals(RESULTS, request.path("replyTo").asText());
        Instant deadline = Instant.parse(request.path("deadline").asText());
        assertTrue(deadline.isAfter(Instant.now()) && deadline.isBefore(Instant.now().plusSeconds(9)), deadline.toString());
        assertEquals("LONG", request.path("body").path("side").asText());
        assertEquals("KA", request.path("body").path("market").path("coins").path(0).path("coin").asText());

        broker.send(RESULTS, id, signal(id, "{\"enter\":true,\"confidence\":8}", "analyzer-a"));
        Decision decision = decided.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(DecisionSource.AI, decision.source());
        assertEquals(DecisionOutcome.PROPOSED, decision.outcome());
        assertEquals(8, decision.confidence());
        assertTrue(decision.aiReason().contains(AiAnswer.REASON_FOLLOWS), decision.aiReason());

        broker.send(RESULTS, id, done(id, "{\"enter\":true,\"confidence\":8,\"reason\":\"Bids lead and momentum rises.\"}"));
        await().atMost(WAIT).until(() -> decisions.latest(50).stream()
                .anyMatch(d -> d.proposalId() != null && d.proposalId().equals(decision.proposalId())
                        && d.aiReason().contains("Bids lead and momentum rises.")));
        assertEquals(1.0, registry.counter("decision.analyzer.kafka.answers", "analyzer", "analyzer-a").count());
    }

    @Test
    @Order(2)
    void fallsBackToTheRulesLabelledTimeoutWhenNoAnalyzerAnswersInTimeAndCountsTheLateAnswer() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("KafkaAnalyzerTest");
        desk.modes().change(Mode.HYBRID, Policy.VETO);
        double late = registry.counter("decision.analyzer.kafka.late").count();
        CompletableFuture<Decision> decided;
        String id;
        try (KafkaBroker.Reader requests = broker.reader(REQUESTS)) {
            decided = evaluate(Market.bullish("KB", "100"));
            id = requestFor(requests, "KB").path("requestId").asText();
        }

        Decision decision = decided.get(30, java.util.concurrent.TimeUnit.SECONDS);
        Proposal proposal = desk.proposals().find(decision.proposalId()).orElseThrow();
        assertEquals("RULES_FALLBACK", proposal.source());
        assertEquals("TIMEOUT", proposal.fallbackReason());

        broker.send(RESULTS, id, signal(id, "{\"enter\":false,\"confidence\":9}", "analyzer-slow"));
        await().atMost(WAIT).until(() -> registry.counter("decision.analyzer.kafka.late").count() == late + 1);
        assertEquals("RULES_FALLBACK", desk.proposals().find(decision.proposalId()).orElseThrow().source(), "the late answer changes nothing");
    }

    @Test
    @Order(3)
    void aResultThatIsNotAnAnswerGoesToTheDeadLetterTopicAndAnswersKeepArriving() throws Exception {
        KafkaBroker broker = KafkaBrokerResource.require("KafkaAnalyzerTest");
        desk.modes().change(Mode.AI, Policy.VETO);
        String poison = "{\"requestId\":\"x\",\"kind\":\"signal\",\"data\":\"not an object\"}";
        broker.send(RESULTS, "x", poison);

        CompletableFuture<Decision> decided;
        String id;
        try (KafkaBroker.Reader requests = broker.reader(REQUESTS)) {
            decided = evaluate(Market.bullish("KC", "100"));
            id = requestFor(requests, "KC").path("requestId").asText();
        }
        broker.send(RESULTS, id, signal(id, "{\"enter\":false,\"confidence\":6}", "analyzer-b"));
        Decision decision = decided.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(DecisionSource.AI, decision.source());
        assertEquals(DecisionOutcome.AI_DECLINED, decision.outcome());

        List<ConsumerRecord<String, String>> dead = broker.read(RESULTS + ".dlq", WAIT,
                records -> records.stream().anyMatch(r -> poison.equals(r.value())));
        ConsumerRecord<String, String> refused = dead.stream().filter(r -> poison.equals(r.value())).findFirst().orElseThrow();
        assertTrue(new String(refused.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains("not an analysis result"));
    }

    private CompletableFuture<Decision> evaluate(io.signaldesk.core.market.CoinSnapshot coin) {
        desk.market().accept(Market.snapshot(coin));
        return CompletableFuture.supplyAsync(() -> desk.engine().evaluateEntry(coin).orElseThrow());
    }

    /**
     * The engine's question about {@code coin}, read by a reader opened before the engine asked: the analysis deadline
     * runs from the question, so the test's answer must not wait for a consumer group to form first.
     */
    private static JsonNode requestFor(KafkaBroker.Reader requests, String coin) throws Exception {
        return MAPPER.readTree(requests.await(r -> coin.equals(r.key()), WAIT).value());
    }

    private static String signal(String id, String decision, String analyzer) {
        return "{\"requestId\":\"" + id + "\",\"kind\":\"signal\",\"coin\":\"K\",\"analyzer\":\"" + analyzer
                + "\",\"data\":{\"type\":\"ENTRY\",\"decision\":" + decision
                + ",\"source\":\"AI\",\"model\":\"llama3.2:3b\",\"fallbackReason\":null,\"signalMs\":420}}";
    }

    private static String done(String id, String result) {
        return "{\"requestId\":\"" + id + "\",\"kind\":\"done\",\"coin\":\"K\",\"analyzer\":\"analyzer-a\",\"data\":{\"type\":\"ENTRY\","
                + "\"result\":" + result + ",\"source\":\"AI\",\"model\":\"llama3.2:3b\",\"latencyMs\":900,\"promptTokens\":90,"
                + "\"completionTokens\":30,\"fallbackReason\":null,\"reprompted\":false,\"at\":\"2026-11-27T08:00:00Z\","
                + "\"signalMs\":420,\"reasonCut\":false}}";
    }
}
