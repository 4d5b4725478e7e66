package io.signaldesk.deploy;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import com.github.tomakehurst.wiremock.WireMockServer;

import io.signaldesk.core.parity.DecisionParity;

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
        DecisionParity.stubDeterministicModel(analyzer);

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
        env.put("STRATEGY_EDGE_MODE", "off"); // the parity checks need entries in a short capture: no gate, explicitly
        env.put("DECISION_REQUIRE_CONFIRMATION", "false");
        env.put("DECISION_AUTO_MIN_CONFIDENCE", "7");
        env.put("STRATEGY_RULES_MOMENTUM_PCT", "0.03");
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
        DecisionParity.assertSameDecisions("RULES", liveRules, backtestRules, 5);
        DecisionParity.assertModelDecidedSome(liveAi);
        DecisionParity.assertSameDecisions("AI", liveAi, backtestAi, 1);
    }

    /** The feed's replay has ended and both engines have stopped deciding (their counts unchanged for two seconds). */
    private static void awaitReplayFinished() throws InterruptedException {
        Instant deadline = Instant.now().plus(FLOW);
        while (!Http.get(feed.url("/api/market/sources")).body().contains("\"FINISHED\"")) {
            assertTrue(Instant.now().isBefore(deadline), "the replay did not finish\n" + feed.logTail(40));
            Thread.sleep(250);
        }
        // both engines watched in the same two seconds (one after the other took at least four)
        List<Integer> last = List.of();
        List<Integer> counts = List.of(liveDecisions(rules).size(), liveDecisions(ai).size());
        while (!counts.equals(last)) {
            assertTrue(Instant.now().isBefore(deadline), "the engines kept deciding: " + counts + "\n"
                    + rules.logTail(20) + "\n" + ai.logTail(20));
            Thread.sleep(2000);
            last = counts;
            counts = List.of(liveDecisions(rules).size(), liveDecisions(ai).size());
        }
    }

    private static List<String> live(ServiceProcess engine) {
        List<JsonNode> decisions = liveDecisions(engine);
        Collections.reverse(decisions); // the API answers newest first
        return decisions.stream().map(DecisionParity::key).toList();
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
        return DeployFiles.stream(report.path("decisions")).map(DecisionParity::key).toList();
    }
}
