package io.signaldesk.decision.backtest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * The same AI backtest twice against a deterministic model gives the same report: the analyzer stub answers from what it
 * is sent only (the price the model would read), as a model with a fixed seed does. Every ask says no-cache, no-store
 * (the analyzer asks its model, whatever an earlier run left in its cache) and carries the market's time, on which the
 * analyzer measures a position's age. Only what the machine measured (wall time) may differ between the runs.
 */
class AiBacktestRepeatTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @TempDir
    Path data;
    private WireMockServer analyzer;

    @BeforeEach
    void start() throws Exception {
        analyzer = new WireMockServer(options().dynamicPort());
        analyzer.start();
        // FLT climbs 100 -> 104 and falls back, twice: the sentiment calls LONG below 101, exits CLOSE above 102
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        int[] path = { 100, 100, 101, 102, 103, 104, 103, 102, 101, 100, 100, 101, 102, 103, 104, 103, 102, 101, 100, 100 };
        for (int minute = 0; minute < path.length; minute++) {
            csv.append("2024-10-01 00:%02d:00,%d,%d,%d,%d,1\n".formatted(minute, path[minute], path[minute], path[minute],
                    path[minute]));
        }
        Files.createDirectories(data.resolve("candles"));
        Files.writeString(data.resolve("candles/FLTUSDT-zigzag.csv"), csv);
        modelStub();
    }

    @AfterEach
    void stop() {
        analyzer.stop();
    }

    @Test
    void theSameAiBacktestTwiceGivesTheSameReport() throws Exception {
        BacktestService service = service();

        BacktestReport first = service.run(request());
        BacktestReport second = service.run(request());

        assertTrue(first.paper().trades() > 0 && first.ai().calls() > 0, "the run traded on the model's answers: "
                + first.paper() + " " + first.ai());
        assertEquals(first.ai().calls(), first.ai().answered().model(), "every answer a model call: " + first.ai());
        JsonNode once = withoutWallTime(first);
        JsonNode again = withoutWallTime(second);
        assertTrue(once.equals(again), "the second run differs: " + again);

        // every ask asked the model and kept its answer out of the analyzer's cache
        int asks = analyzer.findAll(postRequestedFor(urlPathMatching("/api/analysis/.*"))).size();
        assertEquals(asks, analyzer.findAll(postRequestedFor(urlPathMatching("/api/analysis/.*"))
                .withHeader("Cache-Control", equalTo("no-cache, no-store"))).size());
        // an exit question carries the market's time: the position's age is measured on it, not on this machine's clock
        var exits = analyzer.findAll(postRequestedFor(urlEqualTo("/api/analysis/exit")));
        assertTrue(!exits.isEmpty());
        for (var exit : exits) {
            JsonNode body = JSON.readTree(exit.getBodyAsString());
            Instant asOf = Instant.parse(body.path("market").path("asOf").asText());
            Instant openedAt = Instant.parse(body.path("openedAt").asText());
            assertTrue(asOf.isBefore(Instant.parse("2024-10-02T00:00:00Z")) && !openedAt.isAfter(asOf), body.toString());
        }
    }

    /**
     * The report as JSON without the figures of this machine's clock (run time, frames a second, latency, file names)
     * and the proposals' ids (random UUIDs, names rather than figures).
     */
    private static JsonNode withoutWallTime(BacktestReport report) {
        ObjectNode json = JSON.valueToTree(report);
        json.findParents("proposalId").forEach(parent -> ((ObjectNode) parent).remove("proposalId"));
        json.remove(java.util.List.of("elapsedMs", "framesPerSecond", "output"));
        ObjectNode ai = (ObjectNode) json.get("ai");
        ai.remove("averageLatencyMs");
        if (ai.get("sentiment") instanceof ObjectNode sentiment) {
            sentiment.remove("averageLatencyMs");
        }
        return json;
    }

    private void modelStub() {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/sentiment"))
                .withRequestBody(matchingJsonPath("$.market.coins[?(@.coin == 'FLT' && @.lastPrice < 101)]"))
                .willReturn(json(envelope("SENTIMENT", "{\"sentiment\":\"BULLISH\",\"confidence\":7,\"signal\":\"LONG\","
                        + "\"coin\":\"FLT\",\"reason\":\"cheap\"}"))));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/sentiment")).atPriority(10)
                .willReturn(json(envelope("SENTIMENT", "{\"sentiment\":\"NEUTRAL\",\"confidence\":5,\"signal\":\"WAIT\","
                        + "\"coin\":\"FLT\",\"reason\":\"fair\"}"))));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry"))
                .willReturn(json(envelope("ENTRY", "{\"enter\":true,\"confidence\":8,\"reason\":\"go\"}"))));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/exit"))
                .withRequestBody(matchingJsonPath("$.market.coins[?(@.lastPrice > 102)]"))
                .willReturn(json(envelope("EXIT", "{\"action\":\"CLOSE\",\"confidence\":8,\"reason\":\"take it\"}"))));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/exit")).atPriority(10)
                .willReturn(json(envelope("EXIT", "{\"action\":\"HOLD\",\"confidence\":6,\"reason\":\"wait\"}"))));
    }

    private static String envelope(String type, String result) {
        return "{\"type\":\"" + type + "\",\"result\":" + result + ",\"source\":\"AI\",\"model\":\"llama3.2:3b\","
                + "\"latencyMs\":900,\"fallbackReason\":null,\"reprompted\":false,\"at\":\"2026-11-25T12:00:00Z\"}";
    }

    private BacktestService service() {
        // the edge gate off: this run is about the model's answers, not about a track record of 20 bars
        BacktestConfig live = new BacktestConfig(Map.of("strategy.edge.mode", "off"), new ModeSetting(Mode.RULES, Policy.VETO), false, 7,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                        new BigDecimal("0.2")));
        return new BacktestService(() -> live, DataDirectory.confined(data, "the test"));
    }

    private BacktestRequest request() {
        return new BacktestRequest(Map.of("FLT", "candles/FLTUSDT-zigzag.csv"), null, null, null, "AI", null, null, null,
                null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.TEN, null, null, null, null,
                null, null, analyzer.baseUrl(), null, null, "backtest-test", 60);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
