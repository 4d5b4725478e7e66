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
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * Probes of a gated model setup (strategy.edge.probe-every), in the live engine through a backtest, the model a stub
 * that enters at confidence 6 whatever it is asked, live or probed (the analyzer's {@code /api/analysis/probe/entry}):
 * horizon 5 minutes, round trip 0.30 %, 30 calls a setup, the regime over 1 minute. Two hours of zig-zag (a coin flip:
 * every call loses 0.25 % before costs) shut the gate on the model's setups; then the coin climbs 0.25 % a minute (a
 * calm market still, over one minute), where a LONG earns 1.25 % at the horizon.
 */
class GatedSetupProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "{\"enter\":true,\"confidence\":6,\"reason\":\"go\"}";

    @TempDir
    Path data;
    private WireMockServer analyzer;

    @BeforeEach
    void start() {
        analyzer = new WireMockServer(options().dynamicPort());
        analyzer.start();
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).willReturn(json(envelope("ENTRY", ANSWER))));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/exit"))
                .willReturn(json(envelope("EXIT", "{\"action\":\"HOLD\",\"confidence\":6,\"reason\":\"wait\"}"))));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/sentiment"))
                .willReturn(json(envelope("SENTIMENT", "{\"sentiment\":\"NEUTRAL\",\"confidence\":5,\"signal\":\"WAIT\","
                        + "\"coin\":\"TST\",\"reason\":\"fair\"}"))));
        probesAnswer("{\"status\":\"ANSWERED\",\"model\":\"llama3.2:3b\",\"result\":" + ANSWER
                + ",\"reason\":null,\"decisionMs\":420,\"promptTokens\":380,\"completionTokens\":12}");
    }

    @AfterEach
    void stop() {
        analyzer.stop();
    }

    @Test
    void aGatedSetupWhoseProbesTurnPositivePassesTheGateAgain() throws Exception {
        BacktestReport probed = run(zigzagThenClimb(120, 150), "AI", null, "1m");
        BacktestReport unprobed = run(zigzagThenClimb(120, 150), "AI", null, "0s");

        List<BacktestDecision> withProbes = entries(probed);
        List<BacktestDecision> without = entries(unprobed);
        assertFalse(without.stream().anyMatch(d -> "PROPOSED".equals(d.outcome())),
                "without probes the model's setup stays shut once measured without edge");
        int back = firstProposedFrom(withProbes, 120);
        assertEquals(without.subList(0, back).stream().map(d -> d.outcome() + " " + d.source()).toList(),
                withProbes.subList(0, back).stream().map(d -> d.outcome() + " " + d.source()).toList(),
                "probes make no decisions of their own");
        assertTrue(back > 120, "with probes it proves its edge on the climb and is let through again");
        assertEquals("AI", withProbes.get(back).source());
        assertEquals("PROVEN", withProbes.get(back).edgeVerdict());
        assertTrue(withProbes.subList(120, back).stream().allMatch(GatedSetupProbeTest::unasked),
                "until then the model is not asked live: its way back is the probes");
        Map<String, Object> probes = probes(probed);
        assertEquals((long) probeRequests().size(), probes.get("asked"));
        assertEquals(probes.get("asked"), probes.get("answered"));
        assertTrue(((Number) probes.get("scored")).longValue() >= 30, "probes scored into the record: " + probes);
        assertTrue(String.valueOf(probes.get("bySetup")).contains("TST LONG, ai, confidence "), String.valueOf(probes));
    }

    @Test
    void aGatedSetupIsProbedAtMostOnceAnIntervalAndTheProbeIsNeverProposed() throws Exception {
        BacktestReport report = run(zigzagThenClimb(180, 0), "AI", null, "10m");

        List<LoggedRequest> asked = probeRequests();
        assertFalse(asked.isEmpty(), "the gated setups are probed");
        Map<String, Instant> last = new HashMap<>();
        for (LoggedRequest request : asked) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            String side = body.path("side").asText();
            Instant at = Instant.parse(body.path("market").path("coins").path(0).path("updatedAt").asText());
            Instant before = last.put(side, at);
            assertTrue(before == null || !Duration.between(before, at).minusMinutes(10).isNegative(),
                    side + " probed at " + before + " and again at " + at);
        }
        List<BacktestDecision> entries = entries(report);
        assertTrue(entries.stream().noneMatch(d -> "PROPOSED".equals(d.outcome())));
        assertEquals(0, report.paper().entries(), "a probe is never traded");
        Map<String, Object> probes = probes(report);
        assertEquals((long) asked.size(), probes.get("asked"));
        assertTrue(((Number) probes.get("called")).longValue() > 0, "the probes' entries are kept for scoring: " + probes);
    }

    @Test
    void probesSkippedWhileTheModelIsBusyAreCountedAndScoreNothing() throws Exception {
        probesAnswer("{\"status\":\"SKIPPED\",\"model\":\"llama3.2:3b\",\"result\":null,"
                + "\"reason\":\"no idle model time within 30 s\"}");
        BacktestReport skipped = run(zigzagThenClimb(120, 0), "AI", null, "1m");
        BacktestReport unprobed = run(zigzagThenClimb(120, 0), "AI", null, "0s");

        Map<String, Object> probes = probes(skipped);
        long asked = probeRequests().size();
        assertTrue(asked > 0);
        assertEquals(Map.of("SKIPPED", asked), probes.get("notAnswered"));
        assertEquals(0L, probes.get("answered"));
        assertEquals(0L, probes.get("scored"));
        assertEquals(unprobed.edge().get("scoredCalls"), skipped.edge().get("scoredCalls"), "nothing added to the record");
    }

    @Test
    void rulesModeAndAdvisoryAskNoProbes() throws Exception {
        run(zigzagThenClimb(120, 0), "RULES", null, "1m");
        run(zigzagThenClimb(120, 0), "HYBRID", "ADVISORY", "1m");

        assertEquals(0, probeRequests().size());
    }

    private static boolean unasked(BacktestDecision d) {
        return d.ruleReason() != null && d.ruleReason().endsWith("the model was not asked");
    }

    private static int firstProposedFrom(List<BacktestDecision> entries, int from) {
        for (int i = from; i < entries.size(); i++) {
            if ("PROPOSED".equals(entries.get(i).outcome())) {
                return i;
            }
        }
        return -1;
    }

    private static List<BacktestDecision> entries(BacktestReport report) {
        return report.decisions().stream().filter(d -> "ENTRY".equals(d.kind())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> probes(BacktestReport report) {
        return (Map<String, Object>) report.edge().get("probes");
    }

    private List<LoggedRequest> probeRequests() {
        return analyzer.findAll(postRequestedFor(urlEqualTo("/api/analysis/probe/entry")));
    }

    private void probesAnswer(String body) {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/probe/entry")).willReturn(json(body)));
    }

    private BacktestReport run(String csv, String mode, String policy, String probeEvery) throws Exception {
        Files.writeString(data.resolve("TSTUSDT-1m.csv"), csv);
        BacktestConfig live = new BacktestConfig(Map.of("strategy.edge.horizon", "5m", "strategy.edge.regime-window", "1m",
                "strategy.edge.probe-every", probeEvery), new ModeSetting(Mode.RULES, Policy.VETO),
                false, 1, new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("100"), 0, 1000, 3,
                        new BigDecimal("10")));
        BacktestService service = new BacktestService(() -> live, DataDirectory.confined(data, "the test"));
        return service.run(new BacktestRequest(Map.of("TST", "TSTUSDT-1m.csv"), null, null, null, mode, policy, null,
                null, null, null, null, null, new BigDecimal("0.1"), new BigDecimal("0.05"), null, null, null, null, null,
                null, null, null, analyzer.baseUrl(), null, 5000, "out", 3600, null, "gate", null, null));
    }

    /** {@code zigzag} minutes alternating 100 and 100.25, then {@code climb} minutes of 0.25 % a minute from 100.25. */
    static String zigzagThenClimb(int zigzag, int climb) {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        Instant at = Instant.parse("2024-10-01T00:00:00Z");
        BigDecimal price = new BigDecimal("100");
        for (int i = 0; i < zigzag + climb; i++) {
            if (i < zigzag) {
                price = i % 2 == 0 ? new BigDecimal("100") : new BigDecimal("100.25");
            } else {
                price = price.multiply(new BigDecimal("1.0025")).setScale(8, RoundingMode.HALF_UP);
            }
            String stamp = at.plusSeconds(60L * i).toString().replace('T', ' ').replace("Z", "");
            String p = price.toPlainString();
            csv.append(stamp).append(',').append(p).append(',').append(p).append(',').append(p).append(',').append(p)
                    .append(",1\n");
        }
        return csv.toString();
    }

    private static String envelope(String type, String result) {
        return "{\"type\":\"" + type + "\",\"result\":" + result + ",\"source\":\"AI\",\"model\":\"llama3.2:3b\","
                + "\"latencyMs\":900,\"fallbackReason\":null,\"reprompted\":false,\"at\":\"2026-11-25T12:00:00Z\"}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
