package io.signaldesk.decision.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.adapter.analyzer.AnalyzerStatusService;
import io.signaldesk.decision.engine.RiskService;
import io.signaldesk.decision.support.Analyzer;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.InjectWireMock;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.WireMockAnalyzer;

/**
 * Issue 25: the analyzer's own AI/RULES switch is an operator setting, never a trap. Forced to RULES (its real status
 * answer), the desk's status and mode API say so and since when, the decision log and safe mode say why AI and HYBRID
 * decide on the rules, and the dashboard's Undo (DELETE /api/analyzer/override) sets the analyzer back to AI.
 */
@QuarkusTest
@QuarkusTestResource(WireMockAnalyzer.class)
class AnalyzerOverrideTest {

    private static final String FORCED = "the analyzer is forced to rules by an operator (MODE_RULES)";

    @InjectWireMock
    WireMockServer analyzer;

    @Inject
    AnalyzerStatusService analyzerStatus;

    @Inject
    RiskService risk;

    @Inject
    Desk desk;

    @AfterEach
    void analyzerBackOnAi() {
        Analyzer.getAnswers(analyzer, "/api/ai/status", "status.json");
        analyzerStatus.poll();
        given().contentType(ContentType.JSON).body("{\"safeModeAfterFailures\":100}").put("/api/decision/risk").then().statusCode(200);
        risk.clearSafeMode();
        desk.rulesMode();
    }

    @Test
    void anAnalyzerForcedToRulesIsSaidInStatusModeAndDecisionLogAndUndoSetsItBackToAi() {
        Analyzer.getAnswers(analyzer, "/api/ai/status", "status-mode-rules.json");
        analyzerStatus.poll();
        given().get("/api/status").then().statusCode(200)
                .body("analyzer.override.mode", org.hamcrest.Matchers.equalTo("RULES"))
                .body("analyzer.override.setBy", org.hamcrest.Matchers.equalTo("operator"))
                .body("analyzer.override.since", org.hamcrest.Matchers.equalTo("2026-12-07T12:30:05.120Z"))
                .body("analyzer.override.line", startsWith("analyzer forced to rules by an operator since 2026-12-07 12:30:05 UTC: "
                        + "every answer is its rules (MODE_RULES), so AI and HYBRID decide on the rules"));
        // the trader's one mode API says why the model is not asked
        given().contentType(ContentType.JSON).body("{\"mode\":\"HYBRID\",\"policy\":\"VETO\"}").put("/api/decision/mode")
                .then().statusCode(200).body("mode", org.hamcrest.Matchers.equalTo("HYBRID"))
                .body("analyzer", startsWith("analyzer forced to rules by an operator since"));

        // its answers are its rules: the engine's rules decide, and the log says why; the second turns safe mode on
        given().contentType(ContentType.JSON).body("{\"safeModeAfterFailures\":2}").put("/api/decision/risk").then().statusCode(200);
        risk.clearSafeMode(); // the failures in a row of earlier tests on this app back to zero
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-analyzer-mode-rules.json");
        Decision first = desk.entry(Market.bullish("AO1", "10")).orElseThrow();
        assertEquals(DecisionOutcome.PROPOSED, first.outcome(), first.toString());
        Decision second = desk.entry(Market.bullish("AO2", "10")).orElseThrow();
        assertEquals(DecisionOutcome.REFUSED, second.outcome());
        assertEquals("safeMode", second.refusedBy());
        given().get("/api/decisions?limit=20").then().statusCode(200)
                .body("find { it.coin == 'AO1' }.said", startsWith("rules (no model answer: " + FORCED + "): enter LONG"))
                .body("find { it.coin == 'AO2' }.said", startsWith("risk limit safeMode refused the LONG entry (rules (no model answer: "
                        + FORCED + ")"));
        given().get("/api/decision/risk").then().statusCode(200)
                .body("safeMode.on", org.hamcrest.Matchers.equalTo(true))
                .body("safeMode.cameOnBecause", containsString("MODE_RULES: the analyzer is forced to rules by an operator"));

        // Undo: the analyzer is set back to AI (its real answer), and the next state no longer shows the override
        analyzer.stubFor(put(urlEqualTo("/api/ai/mode")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"mode\":\"AI\",\"since\":\"2026-12-07T12:41:00Z\",\"setBy\":\"operator\"}")));
        Analyzer.getAnswers(analyzer, "/api/ai/status", "status.json");
        given().delete("/api/analyzer/override").then().statusCode(200).body("mode", org.hamcrest.Matchers.equalTo("AI"));
        analyzer.verify(putRequestedFor(urlEqualTo("/api/ai/mode")).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"mode\":\"AI\"}")));
        given().get("/api/status").then().statusCode(200).body("analyzer.override", nullValue());
        given().get("/api/decision/mode").then().statusCode(200).body("analyzer", nullValue());
    }

    @Test
    void theModelShareOfTheLast15MinutesCarriesItsCountAndWilsonIntervalAndNoPValue() {
        Analyzer.getAnswers(analyzer, "/api/ai/status", "status-machine.json"); // 12 of 15 answers were model calls
        analyzerStatus.poll();
        io.restassured.path.json.JsonPath share = given().get("/api/status").then().statusCode(200).extract().jsonPath()
                .setRootPath("analyzer.modelShare");
        assertEquals(15, share.getInt("total"));
        assertEquals(12, share.getInt("count"));
        // a p-value against 50 % (0.035 here) would say the model answers 'significantly' more than half the time, a
        // question nobody asks: the share is a count, not a call
        assertNull(share.get("pValue"), "no p-value on a share of answers");
        assertEquals(0.8, share.getDouble("rate"), 1e-6);
        // Wilson 95 %: 12 of 15 -> [0.548, 0.930]
        assertEquals(0.548, share.getDouble("low"), 0.0005);
        assertEquals(0.930, share.getDouble("high"), 0.0005);
    }

    @Test
    void undoWithTheAnalyzerDownIsA503SayingSo() {
        analyzer.stubFor(put(urlEqualTo("/api/ai/mode")).willReturn(aResponse().withStatus(503)));
        given().delete("/api/analyzer/override").then().statusCode(503)
                .body("error", org.hamcrest.Matchers.startsWith("the analyzer cannot"));
    }
}
