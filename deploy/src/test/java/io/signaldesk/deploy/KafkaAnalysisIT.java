package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.kafka.test.KafkaBroker;

/**
 * AI mode over a real one-node KRaft broker (SIGNAL_TRANSPORT=kafka) with two packaged analyzers, each beside its own
 * emulated Ollama (../shared/ollama-emulator, an M4 Max, real time; the WireMock Ollama stub when the emulator is
 * not beside the checkout), in the ai-analyzers consumer group: both answer some of the decision service's entry
 * questions; one is killed with kill -9, the other takes its partitions and serves its coins, and the decisions
 * after the rebalance come from the model, not from the rules fallback. Prints how long the partitions took to move.
 */
class KafkaAnalysisIT {

    private static final Duration FLOW = Duration.ofMinutes(3);
    /** The decision service's wait for an answer: room for an emulated model call on a loaded machine (the guard: 6 s). */
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private static ServiceStack stack;
    private static final List<OllamaEmulator> emulators = new ArrayList<>();
    private static ServiceProcess first;
    private static ServiceProcess second;
    private static ServiceProcess decision;
    private static KafkaConsumer<String, String> results;
    private static final List<JsonNode> answers = new ArrayList<>();

    @BeforeAll
    static void startTheBrokerTwoAnalyzersOnTheirOwnOllamasAndTheDecisionService() throws Exception {
        stack = ServiceStack.create("KafkaAnalysisIT", "target/e2e-kafka-analysis");
        KafkaBroker broker = stack.kafka();
        ServiceProcess feed = stack.feed(ServiceStack.env(stack.kafkaEnv(), ServiceStack.simulatorFeed()));
        first = stack.analyzer("ai-analyzer-1", analyzerEnv("analyzer-1", ollama(1), feed));
        second = stack.analyzer("ai-analyzer-2", analyzerEnv("analyzer-2", ollama(2), feed));
        stack.startAll(feed, first, second);
        // AI mode; loose rules so entries are asked often; proposals expire quickly so every coin keeps being asked
        decision = stack.decision(ServiceStack.env(stack.kafkaEnv(), ServiceStack.feedSocket(feed),
                ServiceStack.analyzerUrl(first), stack.sqliteLedgerEnv("decision.db"), ServiceStack.looseRules("2s"),
                Map.of("DECISION_DEFAULT_MODE", "AI",
                        "DECISION_KAFKA_ANALYSIS_DEADLINE", DEADLINE.toMillis() + "ms",
                        "DECISION_PROPOSAL_TTL", "2s",
                        "DECISION_RISK_SAFE_MODE_AFTER_FAILURES", "1000",
                        "DECISION_RISK_MAX_ENTRIES_PER_HOUR", "100000")));
        stack.startAll(decision);

        results = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-observer", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        results.subscribe(List.of("signal.analysis.results"));
    }

    /** An emulated Ollama on a free port, or the WireMock stub when the emulator is not beside the checkout. */
    private static String ollama(int n) throws Exception {
        int port = ServiceProcess.freePort();
        var emulator = OllamaEmulator.available(port, "m4max-64gb", stack.workDir().resolve("ollama-" + n));
        if (emulator.isPresent()) {
            emulator.get().start();
            emulators.add(stack.stopAtClose(emulator.get(), emulator.get()::stop));
            return emulator.get().baseUrl();
        }
        System.out.println("KafkaAnalysisIT: no ../shared/ollama-emulator or node here, analyzer " + n
                + " uses the WireMock Ollama stub");
        OllamaStub stub = new OllamaStub(port);
        stub.start();
        return stack.stopAtClose(stub, stub::stop).baseUrl();
    }

    private static Map<String, String> analyzerEnv(String name, String ollama, ServiceProcess feed) {
        return ServiceStack.env(stack.kafkaEnv(), Map.of(
                "ANALYZER_KAFKA_INSTANCE", name,
                "OLLAMA_BASE_URL", ollama,
                "OLLAMA_MODEL", OllamaStub.MODEL,
                "QUARKUS_REST_CLIENT_MARKET_FEED_URL", "http://127.0.0.1:" + feed.port(),
                "ANALYZER_SENTIMENT_EVERY", "off"));
    }

    @AfterAll
    static void stopEverything() {
        if (results != null) {
            results.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoAnalyzersShareTheWorkAndWhenOneIsKilledTheOtherServesItsCoinsFromTheModel() throws Exception {
        // both analyzers answer: each owns the partitions of some coins
        Map<String, String> servedBy = new TreeMap<>();
        await("answers from both analyzers", () -> {
            answers().forEach(a -> servedBy.put(a.path("coin").asText(), a.path("analyzer").asText()));
            return Set.copyOf(servedBy.values()).containsAll(Set.of("analyzer-1", "analyzer-2"));
        });
        // the decision service acted on the model's answers from both: AI decisions on coins of each analyzer
        await("AI decisions on coins of both analyzers", () -> {
            Set<String> decided = entryDecisionsSince(Instant.EPOCH).stream().filter(d -> "AI".equals(d.path("source").asText()))
                    .map(d -> d.path("coin").asText()).collect(Collectors.toSet());
            return servedBy.entrySet().stream().filter(e -> decided.contains(e.getKey())).map(Map.Entry::getValue)
                    .collect(Collectors.toSet()).containsAll(Set.of("analyzer-1", "analyzer-2"));
        });
        List<String> orphaned = servedBy.entrySet().stream().filter(e -> e.getValue().equals("analyzer-2"))
                .map(Map.Entry::getKey).toList();
        System.out.println("KafkaAnalysisIT: coins served before the kill " + servedBy);

        Instant killed = Instant.now();
        second.kill9();
        assertFalse(second.alive());

        // the survivor takes over analyzer-2's coins
        Map<String, Instant> takenOver = new HashMap<>();
        await("analyzer-1 answering " + orphaned, () -> {
            for (JsonNode answer : answers()) {
                if (orphaned.contains(answer.path("coin").asText()) && answer.path("analyzer").asText().equals("analyzer-1")) {
                    takenOver.putIfAbsent(answer.path("coin").asText(), Instant.now());
                }
            }
            return takenOver.keySet().containsAll(orphaned);
        });
        Instant rebalanced = takenOver.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        System.out.printf("KafkaAnalysisIT: analyzer-2 killed; analyzer-1 answered its coins %s after %.1f s%n", orphaned,
                Duration.between(killed, rebalanced).toMillis() / 1000.0);

        // decisions made after the rebalance (and one deadline for the requests queued behind the dead analyzer) come
        // from the model, for every coin, the orphaned ones included
        Instant settled = rebalanced.plus(DEADLINE);
        await("model decisions on every coin after the rebalance", () -> {
            List<JsonNode> after = entryDecisionsSince(settled);
            return after.stream().map(d -> d.path("coin").asText()).collect(Collectors.toSet()).containsAll(servedBy.keySet());
        });
        List<JsonNode> after = entryDecisionsSince(settled);
        for (JsonNode d : after) {
            assertEquals("AI", d.path("source").asText(), "from the model, not the fallback: " + d);
            assertTrue(d.path("fallbackReason").isNull() || d.path("fallbackReason").isMissingNode(), d.toString());
        }
        System.out.printf("KafkaAnalysisIT: %d entry decisions after the rebalance, all from the model%n", after.size());
        for (OllamaEmulator emulator : emulators) {
            assertTrue(emulator.chatCalls() > 0, "each emulated Ollama answered model calls");
        }
    }

    /** The answer records seen on the results topic since the last call (signal records only). */
    private static List<JsonNode> answers() throws java.io.IOException {
        List<JsonNode> fresh = new ArrayList<>();
        for (ConsumerRecord<String, String> record : results.poll(Duration.ofMillis(500))) {
            JsonNode answer = DeployFiles.JSON.readTree(record.value());
            if ("signal".equals(answer.path("kind").asText())) {
                fresh.add(answer);
                answers.add(answer);
            }
        }
        return fresh;
    }

    private static List<JsonNode> entryDecisionsSince(Instant since) {
        Http.Response response = Http.get(decision.url("/api/decisions?limit=500"));
        assertEquals(200, response.status(), response.body());
        return response.items().filter(d -> "ENTRY".equals(d.path("kind").asText())
                && Instant.parse(d.path("at").asText()).isAfter(since)).toList();
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void await(String what, Check check) {
        stack.await(what, FLOW, () -> {
            try {
                return check.done() ? Optional.of(true) : Optional.empty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
