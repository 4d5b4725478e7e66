package io.signaldesk.decision.backtest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * The analyzer's scheduled sentiment in a backtest, on market time. The market: FLT, 12 flat 1-minute bars at 100
 * (11 frames, bar closes 00:02 .. 00:12): the rules never see a setup, so in AI mode only the sentiment can make FLT a
 * candidate. The analyzer stub answers the sentiment from the market it is sent (LONG FLT when the replayed FLT is
 * at 100), enters a LONG it is asked about and holds at exit checks.
 */
class BacktestSentimentTest {

    private static final String SENTIMENT = "/api/analysis/sentiment";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private WireMockServer analyzer;

    @BeforeEach
    void start() throws Exception {
        analyzer = new WireMockServer(options().dynamicPort());
        analyzer.start();
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int minute = 0; minute < 12; minute++) {
            csv.append("2024-10-01 00:%02d:00,100,100,100,100,1\n".formatted(minute));
        }
        Files.createDirectories(data.resolve("candles"));
        Files.writeString(data.resolve("candles/FLTUSDT-flat.csv"), csv);
    }

    @AfterEach
    void stop() {
        analyzer.stop();
    }

    @Test
    void aiModeEntersACoinWithoutRuleSetupBecauseOfTheSentimentAskedEveryCadenceOfMarketTime() throws Exception {
        modelStub();

        BacktestReport report = service(Map.of()).run(request("AI", null, 120));

        // asked at the first frame (00:02) and whenever market time moved 120 s past the last ask: 600 s / 120 s + 1
        List<JsonNode> asks = bodies(SENTIMENT);
        assertEquals(6, asks.size());
        List<String> askedAt = asks.stream().map(b -> b.path("market").path("asOf").asText()).toList();
        assertEquals(List.of("2024-10-01T00:02:00Z", "2024-10-01T00:04:00Z", "2024-10-01T00:06:00Z",
                "2024-10-01T00:08:00Z", "2024-10-01T00:10:00Z", "2024-10-01T00:12:00Z"), askedAt);
        JsonNode coin = asks.get(0).path("market").path("coins").get(0);
        assertEquals("FLT", coin.path("coin").asText());
        CandleBacktestTest.assertNumber("100", coin.path("lastPrice").decimalValue());
        BacktestReport.SentimentUsage usage = report.ai().sentiment();
        assertEquals(new BacktestReport.SentimentUsage(120, 6, 6, 0, 0, 0, usage.averageLatencyMs()), usage);
        assertTrue(usage.averageLatencyMs() > 0, "what a round costs: " + usage);

        // 00:03: no rule setup (momentum 0), the sentiment of 00:02 says LONG: a candidate, put to the model, entered
        BacktestDecision entry = report.decisions().get(0);
        assertEquals(Instant.parse("2024-10-01T00:03:00Z"), entry.marketAt());
        assertEquals(List.of("FLT", "ENTRY", "PROPOSED", "LONG", "AI", "AUTO_EXECUTED"), List.of(entry.coin(), entry.kind(),
                entry.outcome(), entry.direction(), entry.source(), entry.proposalStatus()));
        assertNull(entry.ruleReason(), "the rules had no setup");
        assertEquals(1, report.paper().entries());
        assertEquals(1, report.openPositions().size());
        assertEquals(1, bodies("/api/analysis/entry").size());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("every 120 s") && n.contains("6 asks")), report.notes().toString());
    }

    @Test
    void theCadenceDefaultsToTheLiveThirtySecondsAndAFailedSentimentLeavesNoCandidate() throws Exception {
        analyzer.stubFor(post(urlEqualTo(SENTIMENT)).willReturn(aResponse().withStatus(503)));

        BacktestReport report = service(Map.of()).run(request("AI", null, null));

        // frames are a minute apart, 30 s cadence: every frame asks
        assertEquals(11, bodies(SENTIMENT).size());
        assertEquals(new BacktestReport.SentimentUsage(30, 11, 0, 0, 11, 0, null), report.ai().sentiment());
        assertEquals(0, report.decisionsTotal(), "no sentiment, no rule setup: nothing to decide");
        assertEquals(0, report.ai().calls(), "the engine asked nothing");
    }

    @Test
    void aRunWhoseSentimentCallsWouldExceedTheCapIsRefusedBeforeItRunsNamingWhatToChange() throws Exception {
        BacktestService service = service(Map.of("decision.backtest.max-sentiment-calls", "5"));

        BadInputException cadence = assertThrows(BadInputException.class, () -> service.check(request("AI", null, 60)));
        assertEquals("sentimentEverySeconds", cadence.field());
        assertTrue(cadence.getMessage().contains("about 11 times") && cadence.getMessage().contains("at least 150"),
                cadence.getMessage());
        BadInputException agree = assertThrows(BadInputException.class, () -> service.run(request("HYBRID", "AGREE", 60)));
        assertEquals("sentimentEverySeconds", agree.field());
        assertEquals(0, analyzer.findAll(anyRequestedFor(anyUrl())).size(), "refused before any call");

        BadInputException tooOften = assertThrows(BadInputException.class, () -> service.check(request("AI", null, 29)));
        assertEquals("sentimentEverySeconds", tooOften.field());
        assertEquals(6, BacktestSentiment.estimateForCandles(12, Duration.ofSeconds(120)));
        service.check(request("AI", null, 180)); // 4 asks: within the cap
    }

    @Test
    void rulesModeAndHybridVetoAskNoSentiment() throws Exception {
        modelStub();
        BacktestService service = service(Map.of("decision.backtest.max-sentiment-calls", "1"));

        BacktestReport rules = service.run(request("RULES", null, 30));
        assertNull(rules.ai());
        assertNull(rules.settings().sentimentEverySeconds());
        assertTrue(rules.notes().stream().anyMatch(n -> n.startsWith("no scheduled AI sentiment")), rules.notes().toString());
        BacktestReport veto = service.run(request("HYBRID", "VETO", null));
        assertNull(veto.ai().sentiment());

        assertEquals(0, bodies(SENTIMENT).size());
    }

    private void modelStub() {
        analyzer.stubFor(post(urlEqualTo(SENTIMENT))
                .withRequestBody(matchingJsonPath("$.market.coins[?(@.coin == 'FLT' && @.lastPrice == 100)]"))
                .willReturn(json("""
                        {"type":"SENTIMENT","result":{"sentiment":"BULLISH","confidence":7,"signal":"LONG","coin":"FLT",
                         "reason":"steady bids at 100"},"source":"AI","model":"llama3.2:3b","latencyMs":850,
                         "fallbackReason":null,"reprompted":false,"at":"2026-11-25T12:00:00Z"}""")));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).withRequestBody(matchingJsonPath("$.side", com.github
                .tomakehurst.wiremock.client.WireMock.equalTo("LONG"))).willReturn(json("""
                        {"type":"ENTRY","result":{"enter":true,"confidence":7,"reason":"sentiment and price agree"},
                         "source":"AI","model":"llama3.2:3b","latencyMs":900}""")));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/exit")).willReturn(json("""
                {"type":"EXIT","result":{"action":"HOLD","confidence":6,"reason":"flat"},"source":"AI",
                 "model":"llama3.2:3b","latencyMs":700}""")));
    }

    private List<JsonNode> bodies(String path) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (var request : analyzer.findAll(postRequestedFor(urlEqualTo(path)))) {
            bodies.add(JSON.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    private BacktestService service(Map<String, String> given) {
        // the sentiment's entries are what this test checks: the edge gate is off for it (EdgeGateTest tests the gate)
        Map<String, String> config = new java.util.HashMap<>(given);
        config.put("strategy.edge.mode", "off");
        BacktestConfig live = new BacktestConfig(config, new ModeSetting(Mode.RULES, Policy.VETO), false, 7,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                        new BigDecimal("0.2")));
        return new BacktestService(() -> live, DataDirectory.confined(data, "the test"));
    }

    private BacktestRequest request(String mode, String policy, Integer sentimentEverySeconds) {
        return new BacktestRequest(Map.of("FLT", "candles/FLTUSDT-flat.csv"), null, null, null, mode, policy, null, null,
                null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.TEN, null, null, null, null,
                null, null, "RULES".equals(mode) ? null : analyzer.baseUrl(), null, null, "backtest-test",
                sentimentEverySeconds);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
