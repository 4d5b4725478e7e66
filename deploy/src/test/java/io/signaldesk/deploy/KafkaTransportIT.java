package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signaldesk.kafka.test.KafkaBroker;

/**
 * SIGNAL_TRANSPORT=kafka end to end, the scaled setup's engines for real: packaged services as processes on a
 * one-node KRaft broker and a PostgreSQL ledger (DECISION_DB_URL). The simulator feed publishes to Kafka, the decision
 * service (rules) trades on those prices and publishes its decisions and fills through its outbox in PostgreSQL; three times a proposal is confirmed and the decision service is killed with kill -9 at once, then
 * restarted: every fill in the ledger is on signal.fills exactly once, and no decision event is there twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaTransportIT {

    private static final Duration FLOW = Duration.ofMinutes(4);
    private static final int KILLS = 3;

    private static ServiceStack stack;
    private static KafkaBroker broker;
    private static ServiceProcess decision;

    @BeforeAll
    static void startKafkaTheFeedAndTheDecisionService() throws Exception {
        stack = ServiceStack.create("KafkaTransportIT", "target/e2e-kafka");
        Supplier<Map<String, String>> ledger = stack.postgresLedgerEnvStarting(); // meanwhile, the broker and the feed
        broker = stack.kafka();
        stack.startAll(stack.feed(ServiceStack.env(stack.kafkaEnv(), ServiceStack.simulatorFeed())));
        // on Kafka and a PostgreSQL ledger, rules only (no analyzer), loose thresholds so proposals come quickly
        decision = stack.decision(ServiceStack.env(stack.kafkaEnv(), ledger.get(), ServiceStack.noAnalyzer(),
                ServiceStack.looseRules("2s"), Map.of("DECISION_PROPOSAL_TTL", "10m",
                        "DECISION_RISK_MAX_OPEN_POSITIONS", "10")));
        stack.startAll(decision);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void tradesOnKafkaPricesAndPublishesEveryFillOnceAcrossKillMinusNine() throws Exception {
        String ready = Http.get(decision.url("/q/health/ready")).body();
        assertTrue(ready.contains("market-in") && ready.contains("ledger-events"), ready);
        assertTrue(ready.contains("postgresql"), "the ledger is PostgreSQL: " + ready);

        List<String> filled = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            int round = i + 1;
            String id = stack.await("a proposal made on Kafka prices that fills (round " + round + " of " + KILLS + ")",
                    FLOW, this::confirmAPendingEntry, this::whatTheDecisionServiceSaw);
            filled.add(id);
            decision.kill9(); // at once: the fill's event may or may not have left
            assertFalse(decision.alive());
            decision.start();
            decision.awaitReady(ServiceStack.START);
        }

        Set<String> ledgerFills = Http.get(decision.url("/api/trades?limit=500")).items()
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

        int decisions = Http.get(decision.url("/api/decisions?limit=1000")).items().toList().size();
        List<ConsumerRecord<String, String>> decisionEvents = broker.read("signal.decisions", Duration.ofSeconds(60),
                seen -> seen.size() >= decisions);
        List<String> decisionIds = ids(decisionEvents);
        assertEquals(decisionIds.size(), new HashSet<>(decisionIds).size(), "no decision event twice");
        assertTrue(decisionIds.size() >= decisions, decisionIds.size() + " decision events for " + decisions + " decisions");
        System.out.printf("KafkaTransportIT: %d fills, %d decisions, %d kill -9; %d fill events, %d decision events%n",
                ledgerFills.size(), decisions, KILLS, fillIds.size(), decisionIds.size());
    }

    /**
     * The trading core's tolerant readers hold in the packaged application (the core is loaded parent-first there,
     * so jackson-annotations must be too): a market record whose coin, book and flow carry fields the core does not
     * know (a newer feed) is taken, while a record that is no snapshot frame, sent after it on the same partition,
     * goes to the dead-letter topic. Runs last: its records, stamped a minute ahead so that they are never skipped as
     * old, would be read again at a restart.
     */
    @Test
    @Order(2)
    void aMarketRecordWithFieldsTheCoreDoesNotKnowIsTakenNotDeadLettered() throws Exception {
        ConsumerRecord<String, String> latest = broker.read("signal.market.latest", 1, Duration.ofSeconds(60)).get(0);
        ObjectNode frame = (ObjectNode) DeployFiles.JSON.readTree(latest.value());
        ObjectNode coin = (ObjectNode) frame.path("coins").path(0);
        coin.put("fieldOfANewerFeed", "tolerated");
        ((ObjectNode) coin.path("bookImbalance")).put("depthLevels", 20);
        ((ObjectNode) coin.path("trades60s")).put("largestTradeQty", 1.5);
        long ahead = System.currentTimeMillis() + 60_000;
        broker.send("signal.market.latest", latest.key(), frame.toString(), ahead);
        broker.send("signal.market.latest", latest.key(), "{\"type\":\"not-a-snapshot\"}", ahead);

        List<ConsumerRecord<String, String>> dead = broker.read("signal.market.dlq", Duration.ofSeconds(60),
                seen -> seen.stream().anyMatch(r -> r.value().contains("not-a-snapshot")));
        assertTrue(dead.stream().anyMatch(r -> r.value().contains("not-a-snapshot")),
                "the record after it was dead-lettered, so the consumer read both\n" + stack.logTails(40));
        List<String> refused = dead.stream().filter(r -> r.value().contains("fieldOfANewerFeed"))
                .map(r -> r.headers().lastHeader("dead-letter-reason"))
                .map(h -> h == null ? "(no reason)" : new String(h.value(), StandardCharsets.UTF_8)).toList();
        assertEquals(List.of(), refused, "a coin with fields the core does not know is read, not refused");
    }

    /** The last confirm tried: which proposal, its status and body (for the failure message). */
    private volatile String lastConfirm = "none tried: no pending ENTRY proposal was listed";

    /** Tries every pending entry (newest first), not only the first: one the risk governor refuses must not hide the rest. */
    private Optional<String> confirmAPendingEntry() {
        List<String> pending = Http.get(decision.url("/api/proposals?status=PENDING")).items()
                .filter(p -> "ENTRY".equals(p.path("kind").asText())).map(p -> p.path("id").asText()).toList();
        for (String id : pending) {
            Http.Response confirm = Http.post(decision.url("/api/proposals/" + id + "/confirm"), "{}");
            lastConfirm = "proposal " + id + ": " + confirm.status() + " " + confirm.body();
            if (confirm.status() == 200) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** What the decision service last saw and did: for a failure message that says why no entry filled. */
    private String whatTheDecisionServiceSaw() {
        return "last confirm: " + lastConfirm
                + "\nproposals (newest 8): " + Http.get(decision.url("/api/proposals?limit=8")).body()
                + "\ndecisions (newest 8): " + Http.get(decision.url("/api/decisions?limit=8")).body()
                + "\nportfolio: " + Http.get(decision.url("/api/portfolio")).body()
                + "\nrisk: " + Http.get(decision.url("/api/decision/risk")).body()
                + "\nstatus: " + Http.get(decision.url("/api/status")).body()
                + "\nmetrics: " + Http.get(decision.url("/q/metrics")).body().lines()
                        .filter(l -> l.startsWith("decision_feed") || l.startsWith("decision_engine")
                                || l.startsWith("decision_proposals") || l.startsWith("decision_decisions"))
                        .collect(Collectors.joining("; "));
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> r.headers().lastHeader("event-id"))
                .map(h -> h == null ? "(no event-id)" : new String(h.value(), StandardCharsets.UTF_8)).toList();
    }
}
