package io.signaldesk.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Issue 11's parity test on the packaged services: the same real Binance capture (the first three minutes of BTC and
 * ETH on 2024-08-08, decision-service's test fixture) through the live path — the feed's replay (market-time
 * coalescing) → /ws/market → the decision engine — and through the decision service's own backtest
 * ({@code POST /api/backtest} with {@code captures}) gives the same decisions (coin, outcome, direction, source,
 * marketAt). Two decision services, one in RULES mode and one in AI mode against a deterministic analyzer stub (enter
 * a LONG, decline a SHORT, close at every exit check), both connected before the replay starts
 * ({@code feed.replay.wait-for-clients=2}). The rules' momentum threshold is 0.03 % so three minutes give decisions.
 */
class CaptureParityIT {

    private static final Duration FLOW = Duration.ofMinutes(3);
    private static final List<String> CAPTURES = List.of("spot-btcusdt_20240808-first3min.gz",
            "spot-ethusdt_20240808-first3min.gz");

    private static ServiceStack stack;
    private static WireMockServer analyzer;
    private static ServiceProcess feed;
    private static ServiceProcess rules;
    private static ServiceProcess ai;

    @BeforeAll
    static void startTheFeedReplayAndTwoEngines() throws Exception {
        stack = ServiceStack.create("CaptureParityIT", "target/e2e-capture-parity");
        Path data = Files.createDirectories(stack.workDir().resolve("data"));
        List<Path> replayed = new ArrayList<>();
        for (String name : CAPTURES) {
            Path fixture = DeployFiles.root().resolve("decision-service/src/test/resources/captures").resolve(name);
            replayed.add(Files.copy(fixture, data.resolve(name)));
        }
        analyzer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        analyzer.start();
        stack.stopAtClose(analyzer, analyzer::stop);
        modelStub();

        // both engines connected before the replay starts
        feed = stack.feed(ServiceStack.env(ServiceStack.replayFeed(replayed, "binance-capture", 0, "BTC,ETH"),
                Map.of("FEED_REPLAY_WAIT_FOR_CLIENTS", "2")));
        rules = stack.decision("decision-rules", decisionEnv("RULES", data));
        ai = stack.decision("decision-ai", decisionEnv("AI", data));
        stack.startAll(feed, rules, ai);
    }

    private static Map<String, String> decisionEnv(String mode, Path data) {
        Map<String, String> env = ServiceStack.env(ServiceStack.feedSocket(feed),
                stack.sqliteLedgerEnv(mode.toLowerCase() + ".db"));
        env.put("QUARKUS_REST_CLIENT_AI_ANALYZER_URL", analyzer.baseUrl());
        env.put("SIGNAL_DATA_DIR", data.toString());
        env.put("DECISION_DEFAULT_MODE", mode);
        env.put("DECISION_DEFAULT_POLICY", "VETO");
        env.put("DECISION_EDGE_MODE", "off"); // the parity checks need entries in a short capture: no gate, explicitly
        env.put("DECISION_REQUIRE_CONFIRMATION", "false");
        env.put("DECISION_AUTO_MIN_CONFIDENCE", "7");
        env.put("DECISION_RULES_MOMENTUM_PCT", "0.03");
        env.put("DECISION_ENGINE_TICK_EVERY", "1h");
        env.put("DECISION_ANALYZER_POLL_EVERY", "1h");
        return env;
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theFeedsReplayAndTheBacktestOfTheSameCaptureDecideTheSame() throws Exception {
        awaitReplayFinished();
        List<String> liveRules = live(rules);
        List<String> liveAi = live(ai);
        List<String> backtestRules = backtest(rules, "RULES");
        List<String> backtestAi = backtest(ai, "AI");

        System.out.printf("CaptureParityIT: RULES %d decisions live / %d backtested, AI %d / %d%n", liveRules.size(),
                backtestRules.size(), liveAi.size(), backtestAi.size());
        assertTrue(liveRules.size() >= 5, "the capture gives decisions to compare: " + liveRules);
        assertEquals(backtestRules, liveRules);
        assertTrue(liveAi.stream().anyMatch(d -> d.contains("|AI|")), "the model decided some: " + liveAi);
        assertEquals(backtestAi, liveAi);
    }

    /** The feed's replay has ended and each engine has stopped deciding (the count unchanged for two seconds). */
    private static void awaitReplayFinished() throws InterruptedException {
        Instant deadline = Instant.now().plus(FLOW);
        while (!Http.get(feed.url("/api/market/sources")).body().contains("\"FINISHED\"")) {
            assertTrue(Instant.now().isBefore(deadline), "the replay did not finish\n" + feed.logTail(40));
            Thread.sleep(250);
        }
        for (ServiceProcess engine : List.of(rules, ai)) {
            int last = -1;
            int count = liveDecisions(engine).size();
            while (count != last) {
                assertTrue(Instant.now().isBefore(deadline), engine.name() + " kept deciding\n" + engine.logTail(40));
                Thread.sleep(2000);
                last = count;
                count = liveDecisions(engine).size();
            }
        }
    }

    private static List<String> live(ServiceProcess engine) {
        List<JsonNode> decisions = liveDecisions(engine);
        Collections.reverse(decisions); // the API answers newest first
        return decisions.stream().map(CaptureParityIT::key).toList();
    }

    private static List<JsonNode> liveDecisions(ServiceProcess engine) {
        Http.Response response = Http.get(engine.url("/api/decisions?limit=1000"));
        assertEquals(200, response.status(), response.body());
        List<JsonNode> decisions = new ArrayList<>(DeployFiles.stream(response.json()).toList());
        assertTrue(decisions.size() < 1000, "more decisions than one page: shorten the capture");
        return decisions;
    }

    private static List<String> backtest(ServiceProcess engine, String mode) {
        Http.Response response = Http.post(engine.url("/api/backtest"), "{\"captures\":[\"" + String.join("\",\"", CAPTURES)
                + "\"],\"mode\":\"" + mode + "\",\"decisionsLimit\":5000}");
        assertEquals(200, response.status(), response.body());
        JsonNode report = response.json();
        assertEquals("captures", report.path("data").asText());
        return DeployFiles.stream(report.path("decisions")).map(CaptureParityIT::key).toList();
    }

    private static String key(JsonNode d) {
        return String.join("|", d.path("coin").asText(), d.path("outcome").asText(), d.path("direction").asText("null"),
                d.path("source").asText("null"), d.path("marketAt").asText());
    }

    /** Enters a LONG, declines a SHORT, closes at every exit check: a function of the question, the same every time. */
    private static void modelStub() {
        stub("/api/analysis/entry", "LONG", """
                {"type":"ENTRY","result":{"enter":true,"confidence":8,"reason":"buyers lead"},"source":"AI",
                 "model":"stub","latencyMs":1}""");
        stub("/api/analysis/entry", "SHORT", """
                {"type":"ENTRY","result":{"enter":false,"confidence":6,"reason":"no shorts"},"source":"AI",
                 "model":"stub","latencyMs":1}""");
        for (String side : List.of("LONG", "SHORT")) {
            stub("/api/analysis/exit", side, """
                    {"type":"EXIT","result":{"action":"CLOSE","confidence":7,"reason":"take it"},"source":"AI",
                     "model":"stub","latencyMs":1}""");
        }
    }

    private static void stub(String path, String side, String envelope) {
        analyzer.stubFor(post(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.side", equalTo(side)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(envelope)));
        analyzer.stubFor(post(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.side", equalTo(side)))
                .withHeader("Accept", containing("text/event-stream"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(events(envelope))));
    }

    /** The analyzer's streamed answer: the decision first, the reason, then the whole envelope. */
    private static String events(String envelopeJson) {
        try {
            JsonNode envelope = DeployFiles.JSON.readTree(envelopeJson);
            ObjectNode decision = ((ObjectNode) envelope.get("result")).deepCopy();
            String reason = decision.path("reason").asText("");
            decision.remove("reason");
            ObjectNode signal = DeployFiles.JSON.createObjectNode().put("type", envelope.path("type").asText());
            signal.set("decision", decision);
            signal.set("source", envelope.get("source"));
            signal.set("model", envelope.get("model"));
            signal.put("signalMs", envelope.path("latencyMs").asLong());
            return "event: signal\ndata: " + DeployFiles.JSON.writeValueAsString(signal) + "\n\n"
                    + "event: reason\ndata: " + DeployFiles.JSON.writeValueAsString(
                            DeployFiles.JSON.createObjectNode().put("text", reason)) + "\n\n"
                    + "event: done\ndata: " + DeployFiles.JSON.writeValueAsString(envelope) + "\n\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
