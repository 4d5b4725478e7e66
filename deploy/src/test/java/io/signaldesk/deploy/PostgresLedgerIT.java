package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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

    private static final Duration FLOW = Duration.ofMinutes(4);

    private static ServiceStack stack;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startPostgresTheFeedAndTwoDecisionServices() throws Exception {
        stack = ServiceStack.create("PostgresLedgerIT", "target/e2e-postgres");
        Map<String, String> ledger = stack.postgresLedgerEnv();
        ServiceProcess feed = stack.feed(ServiceStack.simulatorFeed());
        stack.startAll(feed);
        // on the shared PostgreSQL ledger; rules only (no analyzer here); loose thresholds so proposals come quickly
        Map<String, String> decisionEnv = ServiceStack.env(ledger, ServiceStack.feedSocket(feed),
                ServiceStack.noAnalyzer(), ServiceStack.looseRules("5s"), Map.of("DECISION_PROPOSAL_TTL", "10m"));
        first = stack.decision("decision-service-1", decisionEnv);
        second = stack.decision("decision-service-2", decisionEnv);
        stack.startAll(first, second);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoServicesConfirmAProposalOnceAndTheFillSurvivesKillMinusNineOfBoth() throws Exception {
        assertTrue(Http.get(first.url("/q/health/ready")).body().contains("postgresql"), "the ledger is PostgreSQL");

        // Both confirm the same pending proposal at once; one of them fills it. A proposal may also be refused by
        // both (expired, superseded, price moved): then the next one is tried.
        String[] filled = new String[1];
        int[] statuses = new int[2];
        stack.await("a proposal that the two services confirm at the same moment and one of them fills", FLOW, () -> {
            Optional<String> pending = Http.get(first.url("/api/proposals?status=PENDING")).items()
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
        first.awaitReady(ServiceStack.START);

        assertEquals(1, fillsOf(first, id), "the fill is still there, once, after kill -9");
        assertTrue(items(Http.get(first.url("/api/portfolio")).json().path("positions"))
                .anyMatch(p -> id.equals(p.path("position").path("proposalId").asText())), "its position too");
        assertEquals(409, Http.post(first.url("/api/proposals/" + id + "/confirm"), "{}").status(),
                "and it cannot fill again");
    }

    private static long fillsOf(ServiceProcess service, String proposalId) {
        Http.Response trades = Http.get(service.url("/api/trades?limit=500"));
        assertEquals(200, trades.status(), trades.body());
        return trades.items().filter(f -> proposalId.equals(f.path("proposalId").asText())).count();
    }

    private static Stream<JsonNode> items(JsonNode array) {
        return DeployFiles.stream(array);
    }
}
