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
 * {@code decision.backtest.max-model-calls}: an AI backtest stops at the cap of entry and exit questions to the model,
 * and its report says where and covers only what it replayed. The market: FLT, 12 1-minute bars from 100 up 0.1 a bar
 * (11 frames; under the rules' momentum threshold); the analyzer stub's sentiment says LONG FLT, its entry enters, its
 * exit check holds.
 */
class BacktestModelCapTest {

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
            String close = new BigDecimal("100").add(new BigDecimal("0.1").multiply(BigDecimal.valueOf(minute)))
                    .toPlainString();
            csv.append("2024-10-01 00:%02d:00,%s,%s,%s,%s,1\n".formatted(minute, close, close, close, close));
        }
        Files.createDirectories(data.resolve("candles"));
        Files.writeString(data.resolve("candles/FLTUSDT-flat.csv"), csv);
        analyzer.stubFor(post(urlEqualTo("/api/analysis/sentiment")).willReturn(json("""
                {"type":"SENTIMENT","result":{"sentiment":"BULLISH","confidence":7,"signal":"LONG","coin":"FLT",
                 "reason":"steady bids at 100"},"source":"AI","model":"llama3.2:3b","latencyMs":850}""")));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).willReturn(json("""
                {"type":"ENTRY","result":{"enter":true,"confidence":7,"reason":"sentiment and price agree"},
                 "source":"AI","model":"llama3.2:3b","latencyMs":900}""")));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/exit")).willReturn(json("""
                {"type":"EXIT","result":{"action":"HOLD","confidence":6,"reason":"flat"},"source":"AI",
                 "model":"llama3.2:3b","latencyMs":700}""")));
    }

    @AfterEach
    void stop() {
        analyzer.stop();
    }

    @Test
    void stopsTheRunAtTheFrameWhoseQuestionsReachTheCapAndSaysSo() throws Exception {
        BacktestReport whole = service(Map.of()).run(request());
        int asked = questions();
        assertEquals(11, whole.frames());
        assertTrue(asked > 3, "uncapped, the model was asked " + asked + " entry and exit questions");
        assertTrue(whole.notes().stream().noneMatch(n -> n.contains("max-model-calls")), whole.notes().toString());

        analyzer.resetRequests();
        BacktestReport capped = service(Map.of("decision.backtest.max-model-calls", "3")).run(request());

        assertEquals(3, questions(), "asked up to the cap, not one more");
        assertEquals(3, capped.ai().calls());
        assertTrue(capped.frames() < 11, "stopped early: " + capped.frames());
        Instant lastAsked = lastQuestionAt();
        assertEquals(lastAsked, capped.to(), "the run ended at the frame of its last question");
        String note = capped.notes().stream().filter(n -> n.contains("decision.backtest.max-model-calls (3)"))
                .findFirst().orElseThrow(() -> new AssertionError(capped.notes().toString()));
        assertTrue(note.contains("at " + lastAsked) && note.contains(capped.frames() + " of 11 frames"), note);
        // buy and hold from the first bar's close (100) to the last replayed one's (100 + 0.1 a frame), no costs
        assertEquals(0, new BigDecimal("0.1").multiply(BigDecimal.valueOf(capped.frames()))
                .compareTo(capped.buyAndHold().returnPct()), "the baseline over the replayed bars: " + capped.buyAndHold());
    }

    @Test
    void aWalkForwardLeavesOutTheWindowInWhichTheCapIsReachedAndTheWindowsAfterIt() throws Exception {
        // six hours of FLT from 100 up 0.001 a bar: windows of 1 h train + 1 h test every hour, none held out: 5 windows
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int minute = 0; minute < 360; minute++) {
            String close = new BigDecimal("100").add(new BigDecimal("0.001").multiply(BigDecimal.valueOf(minute)))
                    .toPlainString();
            csv.append("2024-10-01 %02d:%02d:00,%s,%s,%s,%s,1\n".formatted(minute / 60, minute % 60, close, close, close,
                    close));
        }
        Files.writeString(data.resolve("candles/FLTUSDT-6h.csv"), csv);
        BacktestRequest request = walkForward();

        WalkForward.Report whole = service(Map.of()).walkForward(request);
        assertEquals(5, whole.windows().size());
        int perWindow = questions() / 5;
        assertTrue(perWindow > 10, "each window asks the model: " + questions());

        analyzer.resetRequests();
        int cap = perWindow + perWindow / 2;
        WalkForward.Report capped = service(Map.of("decision.backtest.max-model-calls", String.valueOf(cap)))
                .walkForward(request);

        assertEquals(1, capped.windows().size(), "the first window whole; the second reached the cap");
        assertEquals(whole.windows().get(0), capped.windows().get(0), "the window kept is measured as without a cap");
        assertEquals(cap, questions(), "no question past the cap");
        assertTrue(capped.notes().stream().anyMatch(n -> n.contains("max-model-calls (" + cap + ")")
                && n.contains("window 2 of 5 stopped there")), capped.notes().toString());
    }

    private BacktestRequest walkForward() {
        return new BacktestRequest(Map.of("FLT", "candles/FLTUSDT-6h.csv"), null, null, null, "AI", null, null, null,
                null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.TEN, null, null, null, null,
                null, null, analyzer.baseUrl(), null, null, "backtest-test", null, null, null,
                new BacktestRequest.WalkForward(1, 1, 1, 0, null), null);
    }

    private int questions() {
        return analyzer.findAll(postRequestedFor(urlEqualTo("/api/analysis/entry"))).size()
                + analyzer.findAll(postRequestedFor(urlEqualTo("/api/analysis/exit"))).size();
    }

    /** The market time of the last entry or exit question sent. */
    private Instant lastQuestionAt() throws Exception {
        Instant last = null;
        for (String path : List.of("/api/analysis/entry", "/api/analysis/exit")) {
            for (var sent : analyzer.findAll(postRequestedFor(urlEqualTo(path)))) {
                JsonNode body = JSON.readTree(sent.getBodyAsString());
                Instant at = Instant.parse(body.path("market").path("asOf").asText());
                last = last == null || at.isAfter(last) ? at : last;
            }
        }
        return last;
    }

    private BacktestService service(Map<String, String> given) {
        Map<String, String> config = new java.util.HashMap<>(given);
        config.put("strategy.edge.mode", "off");
        BacktestConfig live = new BacktestConfig(config, new ModeSetting(Mode.RULES, Policy.VETO), false, 7,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                        new BigDecimal("0.2")));
        return new BacktestService(() -> live, DataDirectory.confined(data, "the test"));
    }

    private BacktestRequest request() {
        return new BacktestRequest(Map.of("FLT", "candles/FLTUSDT-flat.csv"), null, null, null, "AI", null, null, null,
                null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.TEN, null, null, null, null,
                null, null, analyzer.baseUrl(), null, null, "backtest-test", null);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
