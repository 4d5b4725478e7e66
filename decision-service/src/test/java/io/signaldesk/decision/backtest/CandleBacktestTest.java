package io.signaldesk.decision.backtest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * The live engine on the hand-made path {@code backtest/path-TST.csv} (closes 100, 100, 101, 102, 102, 100.5, 100.52),
 * the service's defaults (momentum 0.2 %, stop-loss 1.5 %, take-profit 3 %, exit check every 10 s, entry cooldown
 * 30 s, flat band 0.05 %, horizons 1m and 5m) with fee 0.1 %, no slippage, size 10 %, confirmation off (auto at 7):
 * <pre>
 * close at  close   momentum   the engine (RULES)
 * 00:02     100      0 %       WAIT: nothing
 * 00:03     101     +1 %       LONG (8): entry PROPOSED, auto-executed: buy 9.900990 @ 101, fee 0.99999999
 * 00:04     102     +0.99 %    exit check (first): rules LONG, hold; equity peaks at 10007.89108903: marked at
 *                              what closing would realise, gross (102 - 101) x 9.900990 = 9.90099 minus the entry fee
 *                              and the exit fee 9.900990 x 102 x 0.1 % = 1.00990098
 * 00:05     102      0 %       exit check (60 s later): WAIT, hold
 * 00:06     100.5   -1.47 %    exit check: rules SHORT (8) against the LONG: exit PROPOSED, auto-executed @ 100.5:
 *                              gross -4.950495, fee 0.99504950, realised -6.94554449
 * 00:07     100.52  +0.02 %    no position, cooldown over: WAIT
 * </pre>
 * The rules are sampled once a minute (every 30 s on market time): 1-minute moves after 00:02..00:06 are +1 (WAIT
 * misses), +0.99 (LONG hits), 0 (LONG misses), -1.47 (WAIT misses), +0.02 (SHORT misses: flat): 1 hit of 5.
 */
class CandleBacktestTest {

    private WireMockServer analyzer;

    @BeforeEach
    void start() {
        analyzer = new WireMockServer(options().dynamicPort());
        analyzer.start();
    }

    @AfterEach
    void stop() {
        analyzer.stop();
    }

    @Test
    void theLiveRulesTradeTheHandMadePathAsComputedByHand() throws Exception {
        BacktestReport report = run(Mode.RULES, Policy.VETO, "");

        assertEquals(6, report.frames());
        assertEquals(Instant.parse("2024-10-01T00:02:00Z"), report.from());
        assertEquals(2, report.decisionsTotal());
        BacktestDecision entry = report.decisions().get(0);
        assertEquals(Instant.parse("2024-10-01T00:03:00Z"), entry.marketAt());
        assertEquals(List.of("TST", "ENTRY", "PROPOSED", "LONG", "RULES", "AUTO_EXECUTED"), List.of(entry.coin(),
                entry.kind(), entry.outcome(), entry.direction(), entry.source(), entry.proposalStatus()));
        assertEquals(8, entry.confidence());
        assertNumber("101", entry.price());
        BacktestDecision exit = report.decisions().get(1);
        assertEquals(Instant.parse("2024-10-01T00:06:00Z"), exit.marketAt());
        assertEquals(List.of("EXIT", "PROPOSED", "RULES", "AUTO_EXECUTED"),
                List.of(exit.kind(), exit.outcome(), exit.source(), exit.proposalStatus()));
        assertTrue(exit.ruleReason().startsWith("scheduled exit check; rules turned SHORT"), exit.ruleReason());

        BacktestReport.Paper paper = report.paper();
        assertEquals(1, paper.entries());
        assertEquals(1, paper.trades());
        assertEquals(0, paper.wins());
        assertNumber("9993.05445551", paper.finalEquity());
        assertNumber("-6.94554449", paper.realizedPnl());
        assertNumber("1.99504949", paper.fees());
        // from the peak 10007.89108903 (after exit costs; 10008.90099001 at the mark alone) to 9993.05445551
        assertNumber("14.83663352", paper.maxDrawdown());
        assertNumber("0.1482", paper.maxDrawdownPct());
        assertEquals(Map.of("EXIT_SIGNAL", 1), paper.exitsByReason());
        assertEquals(List.of(), report.openPositions());

        var oneMinute = report.scoring().byHorizon().get(0);
        assertEquals("1m", oneMinute.horizon());
        assertEquals(5, oneMinute.overall().scored());
        assertEquals(1, oneMinute.overall().hits());
        assertNull(report.ai());
        assertNumber("0.3192", report.buyAndHold().returnPct());

        // the one closed trade: realised -6.94554449 on 9.900990 × 101 = 999.99999 of notional: -0.694554 %
        var evaluation = report.evaluation();
        assertEquals(1, evaluation.overall().expectancy().trades());
        assertEquals(-0.694554, evaluation.overall().expectancy().meanPct(), 1e-6);
        assertEquals(List.of("RULES"), List.copyOf(evaluation.bySource().keySet()));
        assertEquals(1, evaluation.byConfidence().get("7-10").expectancy().trades(), "the entry's confidence 8");
        assertTrue(report.verdict().startsWith("too few trades to measure an edge: 1 closed (at least 30 needed)"),
                report.verdict());
        assertEquals(1, report.randomEntries().tradesPerDraw());
        String markdown = BacktestMarkdown.render(report);
        assertTrue(markdown.startsWith("# Backtest — RULES mode, TST, live engine\n\n**Verdict: too few trades"), markdown);
        assertTrue(markdown.contains("| initial equity | 10,000.00 |"), markdown);
        assertTrue(markdown.contains("| realised / unrealised P&L (after exit costs) | -6.95 / 0.00 |"), markdown);
        assertTrue(markdown.contains("| exits | EXIT_SIGNAL 1 |"), markdown);
        assertFalse(markdown.contains("RiskLimits[") || markdown.contains("{EXIT_SIGNAL=1}"), "no Java toString: " + markdown);
        // the summary by hand: one losing trade of -6.94554449 over 00:02 → 00:07 (300 s: 288 trades a day)
        assertTrue(markdown.contains("| closed trades | 1 (288.00 a day): 0 won, 1 lost; 0 positions still open"), markdown);
        assertTrue(markdown.contains("| average win / average loss | - / -6.95 USDT |"), markdown);
        assertTrue(markdown.contains("| profit factor | 0.00 (won 0.00, lost -6.95 USDT) |"), markdown);
        assertTrue(markdown.contains("| expectancy per closed trade | -6.95 USDT; -0.695 % of its notional after costs"), markdown);
        assertTrue(markdown.contains("| max drawdown | 14.84 USDT (0.15 %) |"), markdown);
    }

    @Test
    void aiModePutsTheRulesEntryToTheModelAndItsExitChecksTooSendingOnlyWhatCandlesKnow() throws Exception {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).willReturn(json("""
                {"type":"ENTRY","result":{"enter":true,"confidence":7,"reason":"momentum"},"source":"AI",
                 "model":"llama3.2:3b","latencyMs":5}""")));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/exit")).willReturn(json("""
                {"type":"EXIT","result":{"action":"HOLD","confidence":6,"reason":"trend intact"},"source":"AI",
                 "model":"llama3.2:3b","latencyMs":5}""")));

        BacktestReport report = run(Mode.AI, Policy.VETO, analyzer.baseUrl());

        // 00:03: the rules' LONG is put to the model, which enters (source AI, its confidence 7: auto-executed);
        // 00:04, 00:05, 00:06 and 00:07: exit checks, the model holds every time; the position stays open, marked.
        assertEquals(1, report.decisionsTotal());
        BacktestDecision entry = report.decisions().get(0);
        assertEquals(List.of("ENTRY", "PROPOSED", "LONG", "AI", "AUTO_EXECUTED"),
                List.of(entry.kind(), entry.outcome(), entry.direction(), entry.source(), entry.proposalStatus()));
        assertEquals(7, entry.confidence());
        assertEquals(5, report.ai().calls());
        assertEquals(0, report.ai().failures());
        assertEquals(1, report.openPositions().size());
        analyzer.verify(1, postRequestedFor(urlEqualTo("/api/analysis/entry")));
        JsonNode body = new ObjectMapper().readTree(
                analyzer.findAll(postRequestedFor(urlEqualTo("/api/analysis/entry"))).get(0).getBodyAsString());
        assertEquals("TST", body.path("coin").asText());
        assertEquals("2024-10-01T00:03:00Z", body.path("market").path("asOf").asText());
        JsonNode coin = body.path("market").path("coins").get(0);
        assertNumber("101", coin.path("lastPrice").decimalValue());
        assertNumber("1", coin.path("momentum60sPct").decimalValue());
        for (String unknown : List.of("bestBid", "bestAsk", "bookImbalance", "trades60s", "vwap60s", "volatility60sPct")) {
            assertTrue(coin.path(unknown).isMissingNode() || coin.path(unknown).isNull(), unknown + " must not be invented");
        }
    }

    @Test
    void hybridVetoBlocksTheRulesEntryAndAnUnreachableAnalyzerLeavesTheRulesToDecideLabelled() throws Exception {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).willReturn(json("""
                {"type":"ENTRY","result":{"enter":false,"confidence":8,"reason":"no"},"source":"AI","latencyMs":5}""")));

        BacktestReport vetoed = run(Mode.HYBRID, Policy.VETO, analyzer.baseUrl());
        // 00:03 LONG vetoed; the 30 s cooldown has passed by 00:04 (LONG again: vetoed) and 00:06 (SHORT: vetoed)
        assertEquals(List.of("VETOED", "VETOED", "VETOED"), vetoed.decisions().stream().map(BacktestDecision::outcome).toList());
        assertEquals(0, vetoed.paper().trades());

        String down = analyzer.baseUrl();
        analyzer.stop();
        BacktestReport fallback = run(Mode.HYBRID, Policy.VETO, down);
        BacktestDecision entry = fallback.decisions().get(0);
        assertEquals("RULES_FALLBACK", entry.source());
        assertEquals("ANALYZER_DOWN", entry.fallbackReason());
        assertEquals(1, fallback.paper().trades(), "the rules traded as in RULES mode");
        assertNumber("-6.94554449", fallback.paper().realizedPnl());
    }

    private static BacktestReport run(Mode mode, Policy policy, String analyzerUrl) throws Exception {
        Path dir = Path.of(CandleBacktestTest.class.getResource("/backtest/path-TST.csv").toURI()).getParent();
        // the hand-made path's trades are what this test checks: the edge gate is off for it (EdgeGateTest tests the gate)
        BacktestConfig live = new BacktestConfig(Map.of("strategy.edge.mode", "off"), new ModeSetting(mode, policy), false, 7,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                        new BigDecimal("0.2")));
        BacktestService service = new BacktestService(() -> live, DataDirectory.confined(dir.getParent(), "the test"));
        return service.run(new BacktestRequest(Map.of("TST", "backtest/path-TST.csv"), null, null, null, null, null, null,
                null, null, null, null, null, new BigDecimal("0.1"), BigDecimal.ZERO, null, BigDecimal.TEN, null, null,
                null, null, null, null, analyzerUrl.isEmpty() ? null : analyzerUrl, null, null, "backtest-test", null));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
