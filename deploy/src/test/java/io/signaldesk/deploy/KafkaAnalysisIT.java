package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration FLOW = Duration.ofMinutes(3);
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    private static Path workDir;
    private static KafkaBroker broker;
    private static final List<OllamaEmulator> emulators = new ArrayList<>();
    private static final List<OllamaStub> stubs = new ArrayList<>();
    private static ServiceProcess feed;
    private static ServiceProcess first;
    private static ServiceProcess second;
    private static ServiceProcess decision;
    private static KafkaConsumer<String, String> results;
    private static final List<JsonNode> answers = new ArrayList<>();

    @BeforeAll
    static void startTheBrokerTwoAnalyzersOnTheirOwnOllamasAndTheDecisionService() throws Exception {
        broker = KafkaBroker.require("KafkaAnalysisIT");
        workDir = DeployFiles.deploy("target/e2e-kafka-analysis");
        if (Files.exists(workDir)) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(workDir);
        broker.start();

        feed = new ServiceProcess("market-feed-service", ServiceProcess.freePort(), Map.of("FEED_SOURCE", "simulator",
                "SIGNAL_TRANSPORT", "kafka", "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()), workDir);
        first = new ServiceProcess("ai-analyzer-service", "ai-analyzer-1", ServiceProcess.freePort(),
                analyzerEnv("analyzer-1", ollama(1)), workDir);
        second = new ServiceProcess("ai-analyzer-service", "ai-analyzer-2", ServiceProcess.freePort(),
                analyzerEnv("analyzer-2", ollama(2)), workDir);
        feed.start();
        first.start();
        second.start();
        feed.awaitReady(START);
        first.awaitReady(START);
        second.awaitReady(START);
        decision = new ServiceProcess("decision-service", ServiceProcess.freePort(), decisionEnv(), workDir);
        decision.start();
        decision.awaitReady(START);

        results = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-observer", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        results.subscribe(List.of("signal.analysis.results"));
    }

    /** An emulated Ollama on a free port, or the WireMock stub when the emulator is not beside the checkout. */
    private static String ollama(int n) throws Exception {
        int port = ServiceProcess.freePort();
        var emulator = OllamaEmulator.available(port, "m4max-64gb", workDir.resolve("ollama-" + n));
        if (emulator.isPresent()) {
            emulator.get().start();
            emulators.add(emulator.get());
            return emulator.get().baseUrl();
        }
        System.out.println("KafkaAnalysisIT: no ../shared/ollama-emulator or node here, analyzer " + n
                + " uses the WireMock Ollama stub");
        OllamaStub stub = new OllamaStub(port);
        stub.start();
        stubs.add(stub);
        return stub.baseUrl();
    }

    private static Map<String, String> analyzerEnv(String name, String ollama) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SIGNAL_TRANSPORT", "kafka");
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("ANALYZER_KAFKA_INSTANCE", name);
        env.put("OLLAMA_BASE_URL", ollama);
        env.put("OLLAMA_MODEL", OllamaStub.MODEL);
        env.put("QUARKUS_REST_CLIENT_MARKET_FEED_URL", "http://127.0.0.1:" + feed.port());
        env.put("ANALYZER_SENTIMENT_EVERY", "off");
        return env;
    }

    /** AI mode; loose rules so entries are asked often; proposals expire quickly so every coin keeps being asked. */
    private static Map<String, String> decisionEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SIGNAL_TRANSPORT", "kafka");
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("DECISION_FEED_URL", "ws://127.0.0.1:" + feed.port() + "/ws/market");
        env.put("QUARKUS_REST_CLIENT_AI_ANALYZER_URL", "http://127.0.0.1:" + first.port());
        env.put("DECISION_DB_PATH", workDir.resolve("decision.db").toString());
        env.put("DECISION_DEFAULT_MODE", "AI");
        env.put("DECISION_KAFKA_ANALYSIS_DEADLINE", DEADLINE.toMillis() + "ms");
        env.put("DECISION_RULES_MOMENTUM_PCT", "0.01");
        env.put("DECISION_RULES_BID_SHARE", "0.5");
        env.put("DECISION_RULES_FLOW_RATIO", "1.0");
        env.put("DECISION_ENTRY_COOLDOWN", "2s");
        env.put("DECISION_PROPOSAL_TTL", "2s");
        env.put("DECISION_RISK_SAFE_MODE_AFTER_FAILURES", "1000");
        env.put("DECISION_RISK_MAX_ENTRIES_PER_HOUR", "100000");
        return env;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (results != null) {
            results.close();
        }
        for (ServiceProcess service : new ServiceProcess[] {decision, first, second, feed}) {
            if (service != null) {
                service.stop();
            }
        }
        for (OllamaEmulator emulator : emulators) {
            emulator.stop();
        }
        stubs.forEach(OllamaStub::stop);
        if (broker != null) {
            broker.close();
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
        JsonNode body = response.json();
        JsonNode items = body.isArray() ? body : body.path("items");
        List<JsonNode> found = new ArrayList<>();
        items.forEach(d -> {
            if ("ENTRY".equals(d.path("kind").asText()) && Instant.parse(d.path("at").asText()).isAfter(since)) {
                found.add(d);
            }
        });
        return found;
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(FLOW);
        while (Instant.now().isBefore(deadline)) {
            if (check.done()) {
                return;
            }
            Thread.sleep(250);
        }
        fail("no " + what + " within " + FLOW + "\n" + first.logTail(40) + "\n" + decision.logTail(40));
    }
}
