package io.signaldesk.decision.api;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.OpenApiDocumentCheck;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.ProposalService;

/** The decision service's OpenAPI document as Swagger UI reads it; "Try it out" with the generated examples answers 2xx. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentCheck {

    @jakarta.inject.Inject
    ModeService modes;

    @jakarta.inject.Inject
    ProposalService proposals;

    @jakarta.inject.Inject
    io.signaldesk.decision.support.Desk desk;

    @AfterEach
    void defaults() {
        modes.change(Mode.RULES, Policy.VETO);
        proposals.configure(true, 7);
    }

    @org.junit.jupiter.api.Test
    void trySettingsAsGeneratedKeepsHumanConfirmationOn() {
        io.restassured.path.json.JsonPath doc = io.restassured.RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, Object>> examples = doc.getMap(
                "paths.'/api/decision/settings'.put.requestBody.content.'application/json'.examples");
        // Swagger UI sends the first example: it must not switch the safety setting off as a side effect
        Object first = examples.values().iterator().next().get("value");
        org.junit.jupiter.api.Assertions.assertEquals(Boolean.TRUE, ((java.util.Map<?, ?>) first).get("requireConfirmation"),
                String.valueOf(first));
    }

    /** The risk example as Swagger UI sends it only tightens the default limits: trying it never loosens one. */
    @org.junit.jupiter.api.Test
    void tryRiskAsGeneratedNeverLoosensALimit() {
        io.restassured.path.json.JsonPath doc = io.restassured.RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, Object>> examples = doc.getMap(
                "paths.'/api/decision/risk'.put.requestBody.content.'application/json'.examples");
        java.util.Map<?, ?> first = (java.util.Map<?, ?>) examples.values().iterator().next().get("value");
        // the shipped defaults (@WithDefault), not this test profile's wider ones
        org.junit.jupiter.api.Assertions.assertTrue(((Number) first.get("maxOpenPositions")).intValue()
                <= Integer.parseInt(shipped("maxOpenPositions")), first.toString());
        org.junit.jupiter.api.Assertions.assertTrue(new java.math.BigDecimal(first.get("maxSlippagePct").toString())
                .compareTo(new java.math.BigDecimal(shipped("maxSlippagePct"))) <= 0, first.toString());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("maxOpenPositions", "maxSlippagePct"), first.keySet());
    }

    private static String shipped(String limit) {
        try {
            return io.signaldesk.decision.config.DecisionConfig.Risk.class.getMethod(limit)
                    .getAnnotation(io.smallrye.config.WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(limit, e);
        }
    }

    /**
     * Confirm has no example id (ids are minted per proposal): its documented first step, the pending list as Swagger
     * UI sends it, gives one, and confirm with it and no body fills the proposal.
     */
    @org.junit.jupiter.api.Test
    void confirmIsTriedByItsDocumentedFirstStep() {
        io.restassured.path.json.JsonPath doc = io.restassured.RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String description = doc.getString("paths.'/api/proposals/{id}/confirm'.post.description");
        org.junit.jupiter.api.Assertions.assertTrue(description.startsWith("First step: GET /api/proposals?status=PENDING"),
                description);
        java.util.List<java.util.Map<String, Object>> parameters = doc.getList("paths.'/api/proposals'.get.parameters");
        Object example = parameters.stream().filter(p -> "status".equals(p.get("name"))).findFirst().orElseThrow()
                .get("example");
        org.junit.jupiter.api.Assertions.assertEquals("PENDING", example);

        desk.rulesMode();
        String proposed = desk.proposeEntry(io.signaldesk.decision.support.Market.bullish("SWG1", "250"));
        String id = io.restassured.RestAssured.given().get("/api/proposals?status=" + example).then().statusCode(200)
                .extract().jsonPath().getString("find { it.coin == 'SWG1' }.id");
        org.junit.jupiter.api.Assertions.assertEquals(proposed, id);
        io.restassured.RestAssured.given().post("/api/proposals/" + id + "/confirm").then().statusCode(200)
                .body("proposalId", org.hamcrest.Matchers.equalTo(id)).body("coin", org.hamcrest.Matchers.equalTo("SWG1"));
    }

    /** The error shape, and its 409 variant naming the risk limit that refused a confirmation. */
    @Override
    protected Set<String> errorSchemas() {
        return Set.of("#/components/schemas/ApiError", "#/components/schemas/RiskRefusalError");
    }

    /**
     * Not sent here: their examples need a live proposal id or an open position, or they change the risk limits and
     * halt the engine under the other tests of this JVM, or they need the analyzer and its Ollama running (the
     * analyzer's model list and switch, the undo of its switch to rules), or they start a backtest job beside the other backtests of this JVM (one
     * runs at a time) or need its id, or a report the other tests of this JVM may or may not have written yet.
     */
    @Override
    protected Set<String> notTried() {
        return Set.of("GET /api/proposals/{id}", "POST /api/proposals/{id}/confirm",
                "POST /api/proposals/{id}/reject", "PUT /api/decision/risk", "POST /api/decision/halt",
                "GET /api/analyzer/models", "PUT /api/analyzer/model", "DELETE /api/analyzer/override", "POST /api/portfolio/positions/{coin}/write-off",
                "POST /api/backtest/jobs", "GET /api/backtest/jobs/{id}", "DELETE /api/backtest/jobs/{id}",
                "GET /api/backtest/reports/{name}", "GET /api/backtest/reports/latest",
                // a lesson the ledger holds is needed; LessonResourceTest sends them
                "POST /api/lessons/{id}/accept", "POST /api/lessons/{id}/reject", "DELETE /api/lessons/{id}",
                "POST /api/lessons/drafts");
    }

    @Override
    protected int minimumOperations() {
        return 14;
    }
}
