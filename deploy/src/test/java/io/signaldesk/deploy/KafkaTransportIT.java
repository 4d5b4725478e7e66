package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.kafka.test.KafkaBroker;

/**
 * SIGNAL_TRANSPORT=kafka end to end, the scaled setup's engines for real: packaged services as processes on a
 * one-node KRaft broker and a PostgreSQL ledger (DECISION_DB_URL). The simulator feed publishes to Kafka, the decision
 * service (rules) trades on those prices and publishes its decisions and fills through its outbox in PostgreSQL; three times a proposal is confirmed and the decision service is killed with kill -9 at once, then
 * restarted: every fill in the ledger is on signal.fills exactly once, and no decision event is there twice.
 */
class KafkaTransportIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration FLOW = Duration.ofMinutes(4);
    private static final int KILLS = 3;

    private static Path workDir;
    private static KafkaBroker broker;
    private static PostgresProcess postgres;
    private static ServiceProcess feed;
    private static ServiceProcess decision;

    @BeforeAll
    static void startKafkaTheFeedAndTheDecisionService() throws Exception {
        broker = KafkaBroker.require("KafkaTransportIT");
        Path postgresBin = PostgresProcess.require("KafkaTransportIT");
        workDir = DeployFiles.deploy("target/e2e-kafka");
        if (Files.exists(workDir)) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(workDir);
        broker.start();
        postgres = new PostgresProcess(postgresBin, workDir.resolve("postgres"), ServiceProcess.freePort());
        postgres.start("ledger");

        Map<String, String> feedEnv = new LinkedHashMap<>(kafka());
        feedEnv.put("FEED_SOURCE", "simulator");
        feed = new ServiceProcess("market-feed-service", ServiceProcess.freePort(), feedEnv, workDir);
        feed.start();
        feed.awaitReady(START);
        decision = new ServiceProcess("decision-service", ServiceProcess.freePort(), decisionEnv(), workDir);
        decision.start();
        decision.awaitReady(START);
    }

    private static Map<String, String> kafka() {
        return Map.of("SIGNAL_TRANSPORT", "kafka", "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    }

    /** On Kafka and a PostgreSQL ledger, rules only (no analyzer), loose thresholds so proposals come quickly. */
    private static Map<String, String> decisionEnv() {
        Map<String, String> env = new LinkedHashMap<>(kafka());
        env.put("DECISION_DB_URL", postgres.jdbcUrl("ledger"));
        env.put("DECISION_DB_USER", PostgresProcess.USER);
        env.put("DECISION_DB_PASSWORD", PostgresProcess.PASSWORD);
        env.put("QUARKUS_REST_CLIENT_AI_ANALYZER_URL", "http://127.0.0.1:" + ServiceProcess.freePort());
        env.put("DECISION_DEFAULT_MODE", "RULES");
        env.put("DECISION_RULES_MOMENTUM_PCT", "0.01");
        env.put("DECISION_RULES_BID_SHARE", "0.5");
        env.put("DECISION_RULES_FLOW_RATIO", "1.0");
        env.put("DECISION_ENTRY_COOLDOWN", "2s");
        env.put("DECISION_PROPOSAL_TTL", "10m");
        env.put("DECISION_PAPER_TAKE_PROFIT_PCT", "50");
        env.put("DECISION_PAPER_DEFAULT_STOP_LOSS_PCT", "40");
        env.put("DECISION_RISK_MAX_OPEN_POSITIONS", "10");
        return env;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {decision, feed}) {
            if (service != null) {
                service.stop();
            }
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void tradesOnKafkaPricesAndPublishesEveryFillOnceAcrossKillMinusNine() throws Exception {
        String ready = Http.get(decision.url("/q/health/ready")).body();
        assertTrue(ready.contains("market-in") && ready.contains("ledger-events"), ready);
        assertTrue(ready.contains("postgresql"), "the ledger is PostgreSQL: " + ready);

        List<String> filled = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            String id = await("a proposal made on Kafka prices that fills", () -> {
                Optional<String> pending = items(Http.get(decision.url("/api/proposals?status=PENDING")))
                        .filter(p -> "ENTRY".equals(p.path("kind").asText())).map(p -> p.path("id").asText()).findFirst();
                return pending.filter(p -> Http.post(decision.url("/api/proposals/" + p + "/confirm"), "{}").status() == 200);
            });
            filled.add(id);
            decision.kill9(); // at once: the fill's event may or may not have left
            assertFalse(decision.alive());
            decision.start();
            decision.awaitReady(START);
        }

        Set<String> ledgerFills = items(Http.get(decision.url("/api/trades?limit=500")))
                .map(f -> "fill-" + f.path("proposalId").asText()).collect(Collectors.toSet());
        assertTrue(ledgerFills.containsAll(filled.stream().map(id -> "fill-" + id).toList()));
        List<ConsumerRecord<String, String>> fills = broker.read("signal.fills", Duration.ofSeconds(60),
                seen -> ids(seen).containsAll(ledgerFills));
        List<String> fillIds = ids(fills);
        assertEquals(ledgerFills, new HashSet<>(fillIds), "every fill of the ledger is on signal.fills");
        assertEquals(fillIds.size(), new HashSet<>(fillIds).size(), "and none of them twice: " + fillIds);
        for (ConsumerRecord<String, String> fill : fills) {
            JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fill.value());
            assertEquals("fill", event.path("type").asText());
            assertEquals(fill.key(), event.path("fill").path("coin").asText(), "keyed by coin");
        }

        int decisions = items(Http.get(decision.url("/api/decisions?limit=1000"))).toList().size();
        List<ConsumerRecord<String, String>> decisionEvents = broker.read("signal.decisions", Duration.ofSeconds(60),
                seen -> seen.size() >= decisions);
        List<String> decisionIds = ids(decisionEvents);
        assertEquals(decisionIds.size(), new HashSet<>(decisionIds).size(), "no decision event twice");
        assertTrue(decisionIds.size() >= decisions, decisionIds.size() + " decision events for " + decisions + " decisions");
        System.out.printf("KafkaTransportIT: %d fills, %d decisions, %d kill -9; %d fill events, %d decision events%n",
                ledgerFills.size(), decisions, KILLS, fillIds.size(), decisionIds.size());
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> r.headers().lastHeader("event-id"))
                .map(h -> h == null ? "(no event-id)" : new String(h.value(), StandardCharsets.UTF_8)).toList();
    }

    private static Stream<JsonNode> items(Http.Response response) {
        return response.status() == 200 ? DeployFiles.stream(response.json()) : Stream.empty();
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(FLOW);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("no " + what + " within " + FLOW + "\n" + decision.logTail(60) + "\n" + feed.logTail(20));
    }
}
