package io.signaldesk.decision.backtest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.signaldesk.decision.backtest.BacktestScoringTest.assertNumber;
import static io.signaldesk.decision.backtest.BacktestScoringTest.assertStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.service.RulesStrategy;

/** AI and HYBRID backtests on the hand-made path against a WireMock analyzer (see BacktestScoringTest for the path). */
class BacktestAnalyzerModesTest {

    private static final BigDecimal MOMENTUM = new BigDecimal("0.2");

    private WireMockServer analyzer;
    private String analyzerUrl;

    @BeforeEach
    void start() {
        analyzer = new WireMockServer(options().dynamicPort());
        analyzer.start();
        analyzerUrl = analyzer.baseUrl();
    }

    @AfterEach
    void stop() {
        analyzer.stop();
    }

    @Test
    void aiModeScoresTheAnalyzersSentimentAndSendsOnlyWhatCandlesKnow() throws Exception {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/sentiment")).willReturn(json("""
                {"type":"SENTIMENT","result":{"sentiment":"BULLISH","confidence":7,"signal":"LONG","coin":"TST",
                 "reason":"up"},"source":"AI","model":"llama3.2:3b","latencyMs":5}""")));

        BacktestReport report = run(Mode.AI, 2);

        // Asked at bars 2, 4 and 6 (every 2 minutes): LONG each time. 1m moves after bars 2 and 4: +0.99 % (hit),
        // -1.47 % (miss); bar 6 is the last, so it has no 1m outcome.
        assertEquals(3, report.ai().calls());
        assertEquals(0, report.ai().failures());
        assertStats(report.scoring().get(0).bySource().get("AI"), 2, 1, "0.5", "0", "0.5");
        // LONG at 101 (bar 2), never reversed by the AI, closed at the end of the data at 100.52.
        assertEquals(Map.of("END_OF_DATA", 1), report.paper().exitsByReason());
        assertNumber("100.52", report.lastTrades().get(0).exitPrice());
        List<LoggedRequest> asked = analyzer.findAll(postRequestedFor(urlEqualTo("/api/analysis/sentiment")));
        assertEquals(3, asked.size());
        JsonNode body = new ObjectMapper().readTree(asked.get(0).getBodyAsString());
        assertEquals("TST", body.path("coins").get(0).asText());
        JsonNode coin = body.path("market").path("coins").get(0);
        assertNumber("101", coin.path("lastPrice").decimalValue());
        assertNumber("1", coin.path("momentum60sPct").decimalValue());
        for (String unknown : List.of("bestBid", "bestAsk", "bookImbalance", "trades60s", "vwap60s", "volatility60sPct")) {
            assertTrue(coin.path(unknown).isMissingNode() || coin.path(unknown).isNull(), unknown + " must not be invented");
        }
    }

    @Test
    void hybridVetoBlocksTheRulesEntriesAndAnUnreachableAnalyzerLeavesTheRulesToDecide() throws Exception {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).willReturn(json("""
                {"type":"ENTRY","result":{"enter":false,"confidence":8,"reason":"no"},"source":"AI","latencyMs":5}""")));

        BacktestReport vetoed = run(Mode.HYBRID, 1);

        // Rules entries at bars 2 (LONG), 3 (LONG) and 5 (SHORT) are all put to the AI and all vetoed.
        assertEquals(3, vetoed.ai().calls());
        assertEquals(0, vetoed.paper().trades());
        // Each veto is a WAIT: after bar 2 the market rose (miss), after bars 3 and 5 it stayed flat (hits).
        assertStats(vetoed.scoring().get(0).bySource().get("HYBRID"), 3, 2, "0.6667", "0.6667", "0.3333");
        assertStats(vetoed.scoring().get(0).bySource().get("RULES"), 5, 1, "0.2", "0.4", "0.4");

        analyzer.stop();
        BacktestReport fallback = run(Mode.HYBRID, 1);
        // Bar 2's entry finds no analyzer: the rules enter (RULES_FALLBACK); held afterwards, so no more calls.
        assertEquals(1, fallback.ai().calls());
        assertEquals(1, fallback.ai().failures());
        assertEquals(1, fallback.paper().trades(), "the rules traded as in RULES mode");
        assertNumber("-6.94554449", fallback.paper().netPnl());
        assertStats(fallback.scoring().get(0).bySource().get("RULES_FALLBACK"), 1, 1, "1", "0", "1");
    }

    private BacktestReport run(Mode mode, int aiEvery) throws Exception {
        Path file = Path.of(getClass().getResource("/backtest/path-TST.csv").toURI());
        AlignedCandles data = AlignedCandles.align(List.of(CandleCsvReader.read("TST", file)), null, null);
        BacktestSettings settings = new BacktestSettings(mode, new BigDecimal("0.1"), BigDecimal.ZERO,
                new BigDecimal("0.05"), MOMENTUM, new BigDecimal("10000"), BigDecimal.TEN, new BigDecimal("1.5"),
                new BigDecimal("3"), List.of(1, 2), aiEvery, analyzerUrl);
        RulesStrategy engine = new RulesStrategy(MOMENTUM, new BigDecimal("0.55"), new BigDecimal("1.2"));
        return new BacktestRunner(new CandleRules(engine, MOMENTUM),
                new BacktestAnalyzer(analyzerUrl, Duration.ofSeconds(5))).run(data, settings, Map.of());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
