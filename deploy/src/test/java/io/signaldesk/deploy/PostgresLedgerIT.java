package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged decision services (real processes) on one real PostgreSQL ledger (DECISION_DB_URL), fed by the
 * simulator feed: both confirm the same proposal at the same moment and it fills once; both are killed with
 * kill -9, and after a restart the fill is there exactly once and cannot be made again.
 */
class PostgresLedgerIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration FLOW = Duration.ofMinutes(4);

    private static Path workDir;
    private static PostgresProcess postgres;
    private static ServiceProcess feed;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startPostgresTheFeedAndTwoDecisionServices() throws Exception {
        Path bin = PostgresProcess.require("PostgresLedgerIT");
        workDir = DeployFiles.deploy("target/e2e-postgres");
        if (Files.exists(workDir)) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(workDir);
        postgres = new PostgresProcess(bin, workDir.resolve("postgres"), ServiceProcess.freePort());
        postgres.start("ledger");

        feed = new ServiceProcess("market-feed-service", ServiceProcess.freePort(), Map.of("FEED_SOURCE", "simulator"),
                workDir);
        feed.start();
        feed.awaitReady(START);
        first = new ServiceProcess("decision-service", "decision-service-1", ServiceProcess.freePort(), decisionEnv(),
                workDir);
        second = new ServiceProcess("decision-service", "decision-service-2", ServiceProcess.freePort(), decisionEnv(),
                workDir);
        first.start();
        second.start();
        first.awaitReady(START);
        second.awaitReady(START);
    }

    /** On the shared PostgreSQL ledger; rules only (no analyzer here); loose thresholds so proposals come quickly. */
    private static Map<String, String> decisionEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DECISION_DB_URL", postgres.jdbcUrl("ledger"));
        env.put("DECISION_DB_USER", PostgresProcess.USER);
        env.put("DECISION_DB_PASSWORD", PostgresProcess.PASSWORD);
        env.put("DECISION_FEED_URL", "ws://127.0.0.1:" + feed.port() + "/ws/market");
        env.put("QUARKUS_REST_CLIENT_AI_ANALYZER_URL", "http://127.0.0.1:" + ServiceProcess.freePort());
        env.put("DECISION_DEFAULT_MODE", "RULES");
        env.put("DECISION_RULES_MOMENTUM_PCT", "0.01");
        env.put("DECISION_RULES_BID_SHARE", "0.5");
        env.put("DECISION_RULES_FLOW_RATIO", "1.0");
        env.put("DECISION_ENTRY_COOLDOWN", "5s");
        env.put("DECISION_PROPOSAL_TTL", "10m");
        env.put("DECISION_PAPER_TAKE_PROFIT_PCT", "50");
        env.put("DECISION_PAPER_DEFAULT_STOP_LOSS_PCT", "40");
        return env;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {first, second, feed}) {
            if (service != null) {
                service.stop();
            }
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void twoServicesConfirmAProposalOnceAndTheFillSurvivesKillMinusNineOfBoth() throws Exception {
        assertTrue(Http.get(first.url("/q/health/ready")).body().contains("postgresql"), "the ledger is PostgreSQL");

        // Both confirm the same pending proposal at once; one of them fills it. A proposal may also be refused by
        // both (expired, superseded, price moved): then the next one is tried.
        String[] filled = new String[1];
        int[] statuses = new int[2];
        await("a proposal that the two services confirm at the same moment and one of them fills", () -> {
            Optional<String> pending = items(Http.get(first.url("/api/proposals?status=PENDING")))
                    .filter(p -> "ENTRY".equals(p.path("kind").asText())).map(p -> p.path("id").asText()).findFirst();
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            String id = pending.get();
            CompletableFuture<Http.Response> a = CompletableFuture.supplyAsync(
                    () -> Http.post(first.url("/api/proposals/" + id + "/confirm"), "{}"));
            CompletableFuture<Http.Response> b = CompletableFuture.supplyAsync(
                    () -> Http.post(second.url("/api/proposals/" + id + "/confirm"), "{}"));
            statuses[0] = a.join().status();
            statuses[1] = b.join().status();
            if (statuses[0] != 200 && statuses[1] != 200) {
                return Optional.empty();
            }
            filled[0] = id;
            return Optional.of(id);
        });
        String id = filled[0];
        assertEquals(List.of(200, 409), Stream.of(statuses[0], statuses[1]).sorted().toList(),
                "one service filled " + id + ", the other was refused");
        assertEquals(1, fillsOf(first, id));
        assertEquals(1, fillsOf(second, id), "the second service reads the same ledger");

        first.kill9();
        second.kill9();
        assertFalse(first.alive() || second.alive());
        first.start();
        first.awaitReady(START);

        assertEquals(1, fillsOf(first, id), "the fill is still there, once, after kill -9");
        assertTrue(items(Http.get(first.url("/api/portfolio")).json().path("positions"))
                .anyMatch(p -> id.equals(p.path("position").path("proposalId").asText())), "its position too");
        assertEquals(409, Http.post(first.url("/api/proposals/" + id + "/confirm"), "{}").status(),
                "and it cannot fill again");
    }

    private static long fillsOf(ServiceProcess service, String proposalId) {
        Http.Response trades = Http.get(service.url("/api/trades?limit=500"));
        assertEquals(200, trades.status(), trades.body());
        return items(trades).filter(f -> proposalId.equals(f.path("proposalId").asText())).count();
    }

    private static Stream<JsonNode> items(Http.Response response) {
        return response.status() == 200 ? items(response.json()) : Stream.empty();
    }

    private static Stream<JsonNode> items(JsonNode array) {
        return DeployFiles.stream(array);
    }

    private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(FLOW);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("no " + what + " within " + FLOW + "\n" + first.logTail(40) + "\n" + second.logTail(40));
    }
}
