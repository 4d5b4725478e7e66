package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The three packaged services as real processes on free loopback ports, Ollama replaced by a stub of
 * its HTTP API, Debian's Prometheus scraping them with the project's config. One story, in order:
 * feed -> analyzer -> proposal -> confirm -> position; kill -9 and restart keeps the position; the model
 * goes away and decisions go on in rules; every dashboard query has data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final Duration FLOW = Duration.ofMinutes(4);

    private static ServiceStack stack;
    private static OllamaStub ollama;
    private static ServiceProcess feed;
    private static ServiceProcess analyzer;
    private static ServiceProcess decision;
    private static PrometheusProcess prometheus;
    private static JsonNode confirmed;

    @RegisterExtension
    static final TestWatcher LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println("==== " + context.getDisplayName() + " failed; process logs follow");
            if (stack != null) {
                System.err.println(stack.logTails(80));
            }
            if (prometheus != null) {
                System.err.println(prometheus.logTail());
            }
        }
    };

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path prometheusBinary = Tools.require("EndToEndIT", "prometheus",
                "prometheus (apt-get install prometheus; brew install prometheus)");
        stack = ServiceStack.create("EndToEndIT", "target/e2e");

        ollama = new OllamaStub(ServiceProcess.freePort());
        ollama.start();
        stack.stopAtClose(ollama, ollama::stop);
        feed = stack.feed(ServiceStack.simulatorFeed());
        // a second feed on a live venue (a fake Kraken) so the live-connection metrics exist too
        FakeKraken kraken = new FakeKraken();
        stack.stopAtClose(kraken, kraken::close);
        ServiceProcess krakenFeed = stack.service("market-feed-service", "market-feed-service-kraken",
                Map.of("FEED_SOURCE", "kraken", "FEED_KRAKEN_URL", kraken.url(), "FEED_COINS", "BTC",
                        "FEED_RECONNECT_MAX_BACKOFF", "2s"));
        feed.start();
        krakenFeed.start();
        feed.awaitReady(ServiceStack.START);
        krakenFeed.await("/q/health/live", ServiceStack.START);

        analyzer = stack.analyzer("ai-analyzer-service", Map.of(
                "OLLAMA_BASE_URL", ollama.baseUrl(),
                "OLLAMA_MODEL", OllamaStub.MODEL,
                "QUARKUS_REST_CLIENT_MARKET_FEED_URL", "http://127.0.0.1:" + feed.port(),
                "ANALYZER_SENTIMENT_EVERY", "10s"));
        stack.startAll(analyzer);
        // loose rule thresholds and long expiries so the simulator yields a proposal within a minute and it stays open
        decision = stack.decision(ServiceStack.env(ServiceStack.feedSocket(feed), ServiceStack.analyzerUrl(analyzer),
                stack.sqliteLedgerEnv("decision.db"), ServiceStack.looseRules("5s"),
                Map.of("DECISION_PROPOSAL_TTL", "10m", "DECISION_ANALYZER_POLL_EVERY", "2s",
                        "DECISION_DEFAULT_MODE", "HYBRID", "DECISION_DEFAULT_POLICY", "VETO")));
        stack.startAll(decision);

        prometheus = new PrometheusProcess(prometheusBinary, ServiceProcess.freePort(),
                stack.workDir().resolve("prometheus"));
        stack.stopAtClose(prometheus, prometheus::stop);
        prometheus.start(Map.of(
                "market-feed", List.of("127.0.0.1:" + feed.port(), "127.0.0.1:" + krakenFeed.port()),
                "ai-analyzer", List.of("127.0.0.1:" + analyzer.port()),
                "decision", List.of("127.0.0.1:" + decision.port())));
        prometheus.awaitReady(Duration.ofMinutes(1));
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aFeedSnapshotFlowsIntoAnAiAnalysisAnsweredByTheModel() {
        JsonNode snapshot = await("feed snapshot with prices", FLOW, () -> {
            Http.Response response = Http.get(feed.url("/api/market/snapshot"));
            if (response.status() != 200) {
                return Optional.empty();
            }
            JsonNode json = response.json();
            boolean priced = json.path("coins").size() > 0
                    && DeployFiles.stream(json.path("coins")).allMatch(coin -> coin.path("lastPrice").isNumber());
            return priced ? Optional.of(json) : Optional.empty();
        });
        assertEquals("simulator", snapshot.path("source").asText());

        Http.Response analysis = Http.post(analyzer.url("/api/analysis/sentiment"), "{}");
        assertEquals(200, analysis.status(), analysis.body());
        JsonNode envelope = analysis.json();
        assertEquals("SENTIMENT", envelope.path("type").asText(), envelope.toString());
        assertTrue(Set.of("AI", "CACHE").contains(envelope.path("source").asText()), envelope.toString());
        assertEquals(OllamaStub.MODEL, envelope.path("model").asText(), envelope.toString());
        assertEquals("BULLISH", envelope.path("result").path("sentiment").asText(), envelope.toString());

        // streamed: the decision first (signal), then the reason, then the envelope the JSON call answers
        Http.Response events = Http.postEvents(analyzer.url("/api/analysis/entry"), "{\"coin\":\""
                + snapshot.path("coins").path(0).path("coin").asText() + "\",\"side\":\"LONG\",\"price\":"
                + snapshot.path("coins").path(0).path("lastPrice").asText() + "}");
        assertEquals(200, events.status(), events.body());
        List<String> names = events.body().lines().filter(line -> line.startsWith("event:"))
                .map(line -> line.substring(6).strip()).toList();
        assertEquals("signal", names.get(0), events.body());
        assertEquals("done", names.get(names.size() - 1), events.body());
        assertTrue(events.body().contains("\"decision\":{\"enter\":"), events.body());

        // the same market state twice: the second answer comes from the cache, without a model call
        String sameMarket = "{\"market\":" + snapshot + "}";
        // (the model-call count is not compared: the analyzer's scheduler and the decision service call it meanwhile)
        JsonNode first = Http.post(analyzer.url("/api/analysis/sentiment"), sameMarket).json();
        JsonNode second = Http.post(analyzer.url("/api/analysis/sentiment"), sameMarket).json();
        assertTrue(Set.of("AI", "CACHE").contains(first.path("source").asText()), first.toString());
        assertEquals("CACHE", second.path("source").asText(), second.toString());
        assertEquals(first.path("result"), second.path("result"), "the cached answer is the model's answer");

        String coins = snapshot.path("coins").path(0).path("coin").asText();
        assertTrue(ollama.chatRequests().stream().anyMatch(request -> request.getBodyAsString().contains(coins)
                        && request.getBodyAsString().contains(OllamaStub.MODEL)),
                "the model was asked about the feed's coins (" + coins + ")");
    }

    @Test
    @Order(2)
    void aProposalAppearsAndOnceConfirmedItsPositionIsInThePortfolio() {
        // a pending proposal may be superseded or cancelled between listing and confirming: confirm the first that takes
        JsonNode proposal = await("a pending ENTRY proposal that confirms", FLOW, () ->
                Http.get(decision.url("/api/proposals?status=PENDING")).items()
                        .filter(p -> "ENTRY".equals(p.path("kind").asText()))
                        .filter(p -> Http.post(decision.url("/api/proposals/" + p.path("id").asText() + "/confirm"), "{}")
                                .status() == 200)
                        .findFirst());
        String id = proposal.path("id").asText();
        confirmed = proposal;

        JsonNode position = await("the position of " + id, Duration.ofSeconds(30), () -> position(id));
        assertEquals(proposal.path("coin").asText(), position.path("coin").asText());
        assertEquals(409, Http.post(decision.url("/api/proposals/" + id + "/confirm"), "{}").status(),
                "a second confirm is refused");
    }

    @Test
    @Order(3)
    void thePositionSurvivesAKillMinusNineAndARestartOnTheSameDatabase() throws Exception {
        assertNotNull(confirmed, "needs the confirmed proposal of the previous step");
        String id = confirmed.path("id").asText();
        // let Prometheus scrape the fill twice (increase() needs two samples) before the process and its counters go
        await("decision_fills_total scraped twice", Duration.ofMinutes(1), () -> {
            JsonNode result = prometheus.query("count_over_time(decision_fills_total[5m]) >= 2");
            return result.size() > 0 ? Optional.of(result) : Optional.empty();
        });
        JsonNode before = position(id).orElseThrow();

        decision.kill9();
        assertFalse(decision.alive());
        decision.start();
        decision.awaitReady(ServiceStack.START);

        JsonNode after = position(id).orElseThrow(() -> new AssertionError("position " + id + " lost after kill -9"));
        assertEquals(before.path("coin").asText(), after.path("coin").asText());
        assertEquals(0, before.path("qty").decimalValue().compareTo(after.path("qty").decimalValue()), after.toString());
        assertEquals(0, before.path("entryPrice").decimalValue().compareTo(after.path("entryPrice").decimalValue()));
        assertEquals(409, Http.post(decision.url("/api/proposals/" + id + "/confirm"), "{}").status(),
                "the confirmed proposal cannot fill twice after a restart");
    }

    /**
     * The trading core's Jackson annotations hold in the packaged application (a parent-first core lost them): the
     * service runs HYBRID VETO, and an entry the model let through reads {@code RULES+AI} on /api/decisions, the label
     * of DecisionSource, never the constant's name {@code RULES_AND_AI}.
     */
    @Test
    @Order(4)
    void aHybridDecisionNamesItsSourceByTheCoresLabelInThePackagedApplication() {
        JsonNode hybrid = await("a HYBRID VETO entry the model let through", FLOW, () ->
                Http.get(decision.url("/api/decisions?limit=500")).items()
                        .filter(d -> "ENTRY".equals(d.path("kind").asText()))
                        // the label, or the enum constant's name where the annotation was lost
                        .filter(d -> Set.of("RULES+AI", "RULES_AND_AI").contains(d.path("source").asText()))
                        .findFirst());
        assertEquals("RULES+AI", hybrid.path("source").asText(), hybrid.toString());
        assertEquals("HYBRID", hybrid.path("mode").asText(), hybrid.toString());
    }

    @Test
    @Order(5)
    void withTheModelGoneAnalysesAndDecisionsGoOnInRules() {
        ollama.stop();
        Instant stopped = Instant.now();

        Http.Response analysis = Http.post(analyzer.url("/api/analysis/sentiment"), "{\"coins\":[\"BTC\"]}");
        assertEquals(200, analysis.status(), analysis.body());
        JsonNode envelope = analysis.json();
        // a cached AI answer may still be served for the same market state; ask until rules answer
        JsonNode rules = "RULES".equals(envelope.path("source").asText()) ? envelope
                : await("a RULES answer from the analyzer", FLOW, () -> {
                    JsonNode next = Http.post(analyzer.url("/api/analysis/sentiment"), "{\"coins\":[\"BTC\"]}").json();
                    return "RULES".equals(next.path("source").asText()) ? Optional.of(next) : Optional.empty();
                });
        assertTrue(Set.of("MODEL_DOWN", "CIRCUIT_OPEN", "TIMEOUT").contains(rules.path("fallbackReason").asText()),
                rules.toString());

        // the trader rejects what waits (each coin without a position holds a pending entry, 10 min TTL, and a coin
        // with a pending entry is not looked at again): the engine decides those coins anew, now without the model.
        // Left pending, only an exit on the open position could decide, when its rules happened to turn (3 minutes).
        Http.get(decision.url("/api/proposals?status=PENDING")).items()
                .filter(p -> "ENTRY".equals(p.path("kind").asText()))
                .forEach(p -> Http.post(decision.url("/api/proposals/" + p.path("id").asText() + "/reject"), "{}"));

        // labelled rules: the analyzer's RULES answer shows in aiReason ("[RULES MODEL_DOWN, confidence 5] ..."),
        // or the decision service fell back itself (fallbackReason, source RULES_FALLBACK)
        JsonNode decided = await("a rules-labelled decision made after the model stopped", FLOW, () ->
                Http.get(decision.url("/api/decisions?limit=200")).items()
                        .filter(d -> Instant.parse(d.path("at").asText()).isAfter(stopped))
                        .filter(d -> d.path("aiReason").asText().startsWith("[RULES")
                                || !d.path("fallbackReason").isNull() && !d.path("fallbackReason").isMissingNode()
                                || d.path("source").asText().startsWith("RULES"))
                        .findFirst());
        assertFalse(decided.path("outcome").asText().isBlank(), decided.toString());
    }

    @Test
    @Order(6)
    void prometheusScrapesEveryServiceAndEveryDashboardQueryReturnsData() {
        Map<String, String> health = await("all four targets up", Duration.ofMinutes(1), () -> {
            Map<String, String> now = prometheus.targetHealth();
            return now.size() == 4 && now.values().stream().allMatch("up"::equals) ? Optional.of(now) : Optional.empty();
        });
        assertEquals(Set.of("market-feed", "ai-analyzer", "decision"),
                health.keySet().stream().map(target -> target.split(" ")[0]).collect(java.util.stream.Collectors.toSet()));

        Map<String, String> rules = await("every recording and alert rule evaluated", Duration.ofMinutes(1), () -> {
            Map<String, String> now = prometheus.ruleHealth();
            return !now.isEmpty() && now.values().stream().noneMatch("unknown"::equals) ? Optional.of(now) : Optional.empty();
        });
        rules.forEach((rule, ruleHealth) -> assertEquals("ok", ruleHealth, rule));

        Map<String, String> pending = new LinkedHashMap<>();
        for (String file : DeployFiles.DASHBOARDS) {
            DeployFiles.panels(DeployFiles.dashboard(file)).forEach(panel -> panel.path("targets").forEach(target ->
                    pending.put(target.path("expr").asText(), file + " / " + panel.path("title").asText())));
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            pending.keySet().removeIf(expr -> prometheus.query(grafanaVariables(expr)).size() > 0);
            if (!pending.isEmpty()) {
                sleep(3000); // the next scrape and rule evaluation; none once every query has data
            }
        }
        List<String> empty = new ArrayList<>();
        pending.forEach((expr, where) -> empty.add(where + ": " + expr));
        assertTrue(empty.isEmpty(), "dashboard queries without data:\n" + String.join("\n", empty)
                + "\nmetrics Prometheus has: " + prometheus.metricNames());
    }

    private static String grafanaVariables(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "1h");
    }

    private static Optional<JsonNode> position(String proposalId) {
        Http.Response portfolio = Http.get(decision.url("/api/portfolio"));
        if (portfolio.status() != 200) {
            return Optional.empty();
        }
        // each entry is {"position": {...}, "markPrice": ..., "unrealizedPnl": ...}
        return DeployFiles.stream(portfolio.json().path("positions"))
                .map(marked -> marked.has("position") ? marked.path("position") : marked)
                .filter(position -> proposalId.equals(position.path("proposalId").asText()))
                .findFirst();
    }

    private static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        return stack.await(what, timeout, probe);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
