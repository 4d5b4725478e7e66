package io.signaldesk.decision.backtest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * The edge gate before the model (AI and HYBRID), in the live engine through a backtest, the model a stub that enters
 * at confidence 6 whatever it is asked; EdgeGateTest's series, horizon 5 minutes, round trip 0.30 %, 30 calls a setup.
 * On the zig-zag (a coin flip, a calm market) the model is asked until the setups its answer could land on have 30
 * calls (scored or waiting for their horizon) between them, then no more: the entries are WAITs "no measured edge"
 * saying the model was not asked. On the climb the model's setup proves its edge once those calls are scored, and from
 * then on the model is asked at every opportunity. A model whose answers spread over the buckets (2, 5, 8 in turn) is
 * asked until each bucket has its own 30: a setup is proven on its own calls, never on its neighbours'.
 */
class GateBeforeModelTest {

    @TempDir
    Path data;
    private WireMockServer analyzer;

    @BeforeEach
    void start() {
        analyzer = new WireMockServer(options().dynamicPort());
        analyzer.start();
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry"))
                .willReturn(json(envelope("ENTRY", "{\"enter\":true,\"confidence\":6,\"reason\":\"go\"}"))));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/exit"))
                .willReturn(json(envelope("EXIT", "{\"action\":\"HOLD\",\"confidence\":6,\"reason\":\"wait\"}"))));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/sentiment"))
                .willReturn(json(envelope("SENTIMENT", "{\"sentiment\":\"NEUTRAL\",\"confidence\":5,\"signal\":\"WAIT\","
                        + "\"coin\":\"TST\",\"reason\":\"fair\"}"))));
    }

    @AfterEach
    void stop() {
        analyzer.stop();
    }

    @Test
    void aiModeStopsAskingTheModelOnceTheSetupsItsAnswerCouldLandOnMeasuredNoEdge() throws Exception {
        BacktestReport report = run(EdgeGateTest.zigzag(240), "AI", null, "gate");

        List<BacktestDecision> entries = report.decisions().stream().filter(d -> "ENTRY".equals(d.kind())).toList();
        int asked = entries.size() - (int) entries.stream().filter(GateBeforeModelTest::unasked).count();
        assertEquals(asked, entryQuestions(), "one question an asked entry");
        assertTrue(entries.size() > 200, "an entry opportunity a minute: " + entries.size());
        // LONG and SHORT, calm (and the first minute's unknown regime): 30 calls each before the model stops being asked
        assertTrue(asked >= 60 && asked <= 64, "asked " + asked + " of " + entries.size());
        BacktestDecision last = entries.get(entries.size() - 1);
        assertEquals("NO_EDGE", last.outcome());
        assertEquals("NO_EDGE", last.edgeVerdict());
        assertEquals("AI", last.source());
        assertTrue(last.ruleReason().contains("| no measured edge: TST "), last.ruleReason());
        assertTrue(last.ruleReason().contains(", ai, confidence 1-10, calm market: none proven after the 0.3 % round trip in "),
                last.ruleReason());
        assertEquals(0, report.paper().entries());
    }

    @Test
    void hybridVetoStopsAskingWhileItsCallsAreScoredAndAsksAgainOnceTheSetupProvedItsEdge() throws Exception {
        BacktestReport report = run(EdgeGateTest.climb(150), "HYBRID", "VETO", "gate");

        List<BacktestDecision> entries = report.decisions().stream().filter(d -> "ENTRY".equals(d.kind())).toList();
        int firstProposed = 0;
        while (!"PROPOSED".equals(entries.get(firstProposed).outcome())) {
            firstProposed++;
        }
        assertEquals("RULES+AI", entries.get(firstProposed).source());
        assertEquals("PROVEN", entries.get(firstProposed).edgeVerdict());
        assertTrue(entries.subList(0, firstProposed).stream().anyMatch(GateBeforeModelTest::unasked),
                "30 calls asked, the next ones wait unasked for them to be scored");
        assertFalse(entries.subList(firstProposed, entries.size()).stream().anyMatch(GateBeforeModelTest::unasked),
                "a proven setup: the model is asked every time");
        assertTrue(report.paper().trades() > 0);
    }

    @Test
    void aiModeKeepsAskingWhileAConfidenceBucketItsAnswersLandOnIsStillScoringItsFirstCalls() throws Exception {
        // the model answers 2, 5, 8 in turn: its calls spread over the three buckets, none has 30 after 30 questions
        String scenario = "mixed confidences";
        String[] states = { com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED, "5", "8" };
        int[] confidences = { 2, 5, 8 };
        for (int i = 0; i < 3; i++) {
            analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).inScenario(scenario).whenScenarioStateIs(states[i])
                    .willSetStateTo(states[(i + 1) % 3])
                    .willReturn(json(envelope("ENTRY", "{\"enter\":true,\"confidence\":" + confidences[i]
                            + ",\"reason\":\"go\"}"))));
        }
        BacktestReport report = run(EdgeGateTest.climb(300), "AI", null, "gate");

        List<BacktestDecision> entries = report.decisions().stream().filter(d -> "ENTRY".equals(d.kind())).toList();
        int asked = entries.size() - (int) entries.stream().filter(GateBeforeModelTest::unasked).count();
        assertEquals(asked, entryQuestions(), "one question an asked entry");
        assertTrue(asked > 90, "each of the three buckets gets its 30 calls: asked " + asked + " of " + entries.size());
        assertTrue(entries.stream().anyMatch(d -> "PROVEN".equals(d.edgeVerdict()) && "PROPOSED".equals(d.outcome())),
                "a bucket proves its edge on the climb");
        assertFalse(unasked(entries.get(entries.size() - 1)), "the questions do not stop for good");
        assertTrue(report.paper().trades() > 0, "trades: " + report.paper().trades());
    }

    @Test
    void advisoryNeverAsksTheModelAboutAnEntryTheGateRefusesAndTheRulesKeepScoring() throws Exception {
        BacktestReport report = run(EdgeGateTest.zigzag(120), "HYBRID", "ADVISORY", "gate");

        assertEquals(0, entryQuestions(), "the model's advice on an entry that will not be proposed is not asked");
        List<BacktestDecision> entries = report.decisions().stream().filter(d -> "ENTRY".equals(d.kind())).toList();
        assertTrue(entries.size() > 100);
        assertTrue(entries.stream().allMatch(d -> "NO_EDGE".equals(d.outcome()) && "RULES".equals(d.source())));
        assertTrue(((Number) report.edge().get("scoredCalls")).intValue() > 60, "the rules' calls still scored: "
                + report.edge().get("scoredCalls"));
    }

    @Test
    void withTheGateAdvisingTheModelIsAskedAtEveryOpportunity() throws Exception {
        BacktestReport report = run(EdgeGateTest.zigzag(120), "AI", null, "advise");

        long entries = report.decisions().stream().filter(d -> "ENTRY".equals(d.kind())).count();
        assertEquals(entries, entryQuestions());
    }

    private static boolean unasked(BacktestDecision d) {
        return d.ruleReason() != null && d.ruleReason().endsWith("the model was not asked");
    }

    private int entryQuestions() {
        return analyzer.findAll(postRequestedFor(urlEqualTo("/api/analysis/entry"))).size();
    }

    private BacktestReport run(String csv, String mode, String policy, String edgeMode) throws Exception {
        Files.writeString(data.resolve("TSTUSDT-1m.csv"), csv);
        BacktestConfig live = new BacktestConfig(Map.of("strategy.edge.horizon", "5m"), new ModeSetting(Mode.RULES, Policy.VETO),
                false, 1, new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("100"), 0, 1000, 3,
                        new BigDecimal("10")));
        BacktestService service = new BacktestService(() -> live, DataDirectory.confined(data, "the test"));
        return service.run(new BacktestRequest(Map.of("TST", "TSTUSDT-1m.csv"), null, null, null, mode, policy, null,
                null, null, null, null, null, new BigDecimal("0.1"), new BigDecimal("0.05"), null, null, null, null, null,
                null, null, null, analyzer.baseUrl(), null, 5000, "out", 3600, null, edgeMode, null, null));
    }

    private static String envelope(String type, String result) {
        return "{\"type\":\"" + type + "\",\"result\":" + result + ",\"source\":\"AI\",\"model\":\"llama3.2:3b\","
                + "\"latencyMs\":900,\"fallbackReason\":null,\"reprompted\":false,\"at\":\"2026-11-25T12:00:00Z\"}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
