package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.ledger.LedgerRepository;
import io.signaldesk.decision.engine.PaperTradingService;
import io.signaldesk.decision.engine.RiskService;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/** The risk governor through the API: limits, the kill switch, safe mode and a confirmation that protects the trader. */
@QuarkusTest
class RiskResourceTest {

    @Inject
    Desk desk;

    @Inject
    PaperTradingService trading;

    @Inject
    RiskService risk;

    @Inject
    LedgerRepository ledger;

    @BeforeEach
    void rulesMode() {
        desk.rulesMode();
    }

    @AfterEach
    void restore() {
        risk.resume();
        risk.clearSafeMode();
        risk.update(risk.defaults());
    }

    @Test
    void limitsAreValidatedNamingTheFieldAndKept() {
        given().get("/api/decision/risk").then().statusCode(200).body("limits.maxPositionPct", equalTo(20))
                .body("halt.halted", equalTo(false)).body("safeMode.on", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"maxOpenPositions\":2,\"maxSlippagePct\":0.3}").put("/api/decision/risk")
                .then().statusCode(200).body("limits.maxOpenPositions", equalTo(2))
                .body("limits.maxSlippagePct", equalTo(0.3f)).body("limits.maxPositionPct", equalTo(20));
        given().get("/api/decision/risk").then().body("limits.maxOpenPositions", equalTo(2));

        String[][] bad = {
                { "{\"maxPositionPct\":0}", "maxPositionPct" }, { "{\"maxPositionPct\":100.5}", "maxPositionPct" },
                { "{\"maxPositionPct\":\"20\"}", "maxPositionPct" }, { "{\"maxPositionPct\":1e999999999}", "maxPositionPct" },
                { "{\"maxOpenPositions\":2.5}", "maxOpenPositions" }, { "{\"maxOpenPositions\":true}", "maxOpenPositions" },
                { "{\"maxOpenPositions\":0}", "maxOpenPositions" }, { "{\"maxOpenPositions\":99999999999}", "maxOpenPositions" },
                { "{\"lossCooldownSeconds\":-1}", "lossCooldownSeconds" }, { "{\"maxSlippagePct\":11}", "maxSlippagePct" },
                { "{\"dailyLossLimitPct\":null}", "dailyLossLimitPct" }, { "{\"leverage\":10}", "leverage" },
                { "[1]", "body" }, { "{oops", "body" }, { "", "body" } };
        for (String[] c : bad) {
            given().contentType(ContentType.JSON).body(c[0]).put("/api/decision/risk").then().statusCode(400)
                    .body("field", equalTo(c[1])).body("error", containsString(c[1].equals("body") ? "" : c[1]));
        }
        given().get("/api/decision/risk").then().body("limits.maxOpenPositions", equalTo(2))
                .body("limits.maxPositionPct", equalTo(20));
    }

    @Test
    void limitsAreKeptShownAndLoggedAsPlainNumbers() {
        String answer = given().contentType(ContentType.JSON).body("{\"maxPositionPct\":100,\"maxGrossExposurePct\":50.0,"
                + "\"dailyLossLimitPct\":2.50}").put("/api/decision/risk").then().statusCode(200).extract().asString();
        assertTrue(answer.contains("\"maxPositionPct\":100,") && answer.contains("\"maxGrossExposurePct\":50,")
                && answer.contains("\"dailyLossLimitPct\":2.5,"), answer);
        assertEquals("100", risk.limits().maxPositionPct().toString()); // as the log line prints it, not 1E+2
        assertEquals("50", risk.limits().maxGrossExposurePct().toString());
        assertFalse(given().get("/api/decision/risk").asString().contains("E+"));
    }

    @Test
    void confirmingAMillionBitcoinsIsA400AndFillsNothing() {
        String id = desk.proposeEntry(Market.bullish("RK1", "95000"));
        given().contentType(ContentType.JSON).body("{\"size\":1000000}").post("/api/proposals/" + id + "/confirm")
                .then().statusCode(400).body("field", equalTo("size")).body("error", containsString("at most the proposal's"));
        assertEquals(0, ledger.fillCount(id));
        assertTrue(trading.position("RK1").isEmpty());
        given().post("/api/proposals/" + id + "/confirm").then().statusCode(200);
    }

    @Test
    void aConfirmationIsCutToTheLimitAndTheProposalNamesIt() {
        String id = desk.proposeEntry(Market.bullish("RK2", "100"));
        Proposal proposal = desk.proposals().find(id).orElseThrow();
        given().contentType(ContentType.JSON).body("{\"maxPositionPct\":1}").put("/api/decision/risk").then().statusCode(200);
        BigDecimal equity = trading.refresh().equity();

        float qty = given().post("/api/proposals/" + id + "/confirm").then().statusCode(200).extract().path("qty");
        // 1 % of equity at the fill price 100.05 (mark 100 + 0.05 % slippage), rounded down to 6 decimals
        BigDecimal expected = equity.divide(BigDecimal.valueOf(100)).divide(new BigDecimal("100.05"), 6, RoundingMode.DOWN);
        assertEquals(expected.floatValue(), qty, 0.000002f);
        assertTrue(expected.compareTo(proposal.size()) < 0, "smaller than the proposed " + proposal.size());
        given().get("/api/proposals/" + id).then().body("resizedBy", equalTo("maxPositionPct"))
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void aConfirmationOverALimitIs409NamingItAndTheEngineRecordsItsRefusals() {
        String waiting = desk.proposeEntry(Market.bullish("RK3", "50"));
        String filled = desk.proposeEntry(Market.bullish("RK4", "50"));
        given().post("/api/proposals/" + filled + "/confirm").then().statusCode(200);
        int open = ledger.positions().size();
        given().contentType(ContentType.JSON).body("{\"maxOpenPositions\":" + open + "}").put("/api/decision/risk")
                .then().statusCode(200);

        given().post("/api/proposals/" + waiting + "/confirm").then().statusCode(409)
                .body("refusedBy", equalTo("maxOpenPositions"))
                .body("error", containsString(open + " positions open, at most " + open));
        assertEquals(0, ledger.fillCount(waiting));
        given().get("/api/proposals/" + waiting).then().body("status", equalTo("PENDING"))
                .body("refusedBy", equalTo("maxOpenPositions"));

        CoinSnapshot next = Market.bullish("RK5", "50");
        desk.tick(next);
        Decision refused = desk.engine().evaluateEntry(next).orElseThrow();
        assertEquals(DecisionOutcome.REFUSED, refused.outcome());
        assertEquals("maxOpenPositions", refused.refusedBy());
        assertNull(refused.proposalId());
        given().get("/api/decisions?limit=5").then().body("[0].outcome", equalTo("REFUSED"))
                .body("[0].refusedBy", equalTo("maxOpenPositions"));
    }

    @Test
    void aPriceThatMovedPastTheSlippageLimitExpiresTheProposalWith409() {
        given().contentType(ContentType.JSON).body("{\"maxSlippagePct\":0.2}").put("/api/decision/risk").then().statusCode(200);
        String id = desk.proposeEntry(Market.bullish("RK6", "1000"));
        desk.tick(Market.bullish("RK6", "1002.5"));

        given().post("/api/proposals/" + id + "/confirm").then().statusCode(409)
                .body("refusedBy", equalTo("maxSlippagePct"))
                .body("error", containsString("price moved 0.25 % from the proposal's 1000 to 1002.5"))
                .body("error", containsString("expired"));
        assertEquals(0, ledger.fillCount(id));
        given().get("/api/proposals/" + id).then().body("status", equalTo("EXPIRED"))
                .body("refusedBy", equalTo("maxSlippagePct"));
        given().post("/api/proposals/" + id + "/confirm").then().statusCode(409).body("error", containsString("EXPIRED"));

        String within = desk.proposeEntry(Market.bullish("RK7", "1000"));
        desk.tick(Market.bullish("RK7", "998"));
        given().post("/api/proposals/" + within + "/confirm").then().statusCode(200);
    }

    @Test
    void haltStopsNewEntriesAtOnceWhileExitsAndStopsGoOnUntilResumed() {
        String held = desk.proposeEntry(Market.bullish("RK8", "100"));
        given().post("/api/proposals/" + held + "/confirm").then().statusCode(200);
        String stopped = desk.proposeEntry(Market.bullish("RK9", "100"));
        given().post("/api/proposals/" + stopped + "/confirm").then().statusCode(200);
        String waiting = desk.proposeEntry(Market.bullish("RK10", "100"));

        given().contentType(ContentType.JSON).body("{\"reason\":\"news at 14:30\"}").post("/api/decision/halt")
                .then().statusCode(200).body("halted", equalTo(true)).body("reason", equalTo("news at 14:30"));
        given().get("/api/decision/risk").then().body("halt.halted", equalTo(true));

        CoinSnapshot another = Market.bullish("RK11", "100");
        desk.tick(another);
        assertTrue(desk.engine().evaluateEntry(another).isEmpty(), "no entry is even looked for while halted");
        given().post("/api/proposals/" + waiting + "/confirm").then().statusCode(409).body("refusedBy", equalTo("halted"));
        assertEquals(ProposalStatus.PENDING, desk.proposals().find(waiting).orElseThrow().status());

        CoinSnapshot turned = Market.bearish("RK8", "100.2");
        desk.tick(turned);
        String exit = desk.engine().checkExit(trading.position("RK8").orElseThrow(), turned, "test").orElseThrow().proposalId();
        given().post("/api/proposals/" + exit + "/confirm").then().statusCode(200).body("kind", equalTo("EXIT"));
        CoinSnapshot crashed = Market.flat("RK9", "97");
        desk.tick(crashed);
        assertEquals(DecisionOutcome.STOP_LOSS, desk.engine().checkStops(trading.position("RK9").orElseThrow(), crashed).orElseThrow().outcome());
        assertTrue(trading.position("RK8").isEmpty() && trading.position("RK9").isEmpty());

        given().delete("/api/decision/halt").then().statusCode(200).body("halted", equalTo(false));
        given().post("/api/proposals/" + waiting + "/confirm").then().statusCode(200);
        given().post("/api/decision/halt").then().statusCode(200).body("reason", nullValue());
        given().contentType(ContentType.JSON).body("{\"reason\":7}").post("/api/decision/halt").then().statusCode(400)
                .body("field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"" + "x".repeat(201) + "\"}").post("/api/decision/halt")
                .then().statusCode(400).body("field", equalTo("reason"));
    }

    @Test
    void safeModeBlocksModelEntriesAfterConsecutiveFailuresUntilTheModelAnswersOrTheOperatorClearsIt() {
        given().contentType(ContentType.JSON).body("{\"safeModeAfterFailures\":2}").put("/api/decision/risk").then().statusCode(200);
        var book = trading.refresh();
        risk.modelAnswered(false, "TIMEOUT");
        assertFalse(risk.safeMode().on());
        risk.modelAnswered(false, "RULES MODEL_DOWN");
        given().get("/api/decision/risk").then().body("safeMode.on", equalTo(true))
                .body("safeMode.consecutiveFailures", equalTo(2)).body("safeMode.lastFailure", equalTo("RULES MODEL_DOWN"))
                .body("safeMode.cameOnBecause", equalTo("RULES MODEL_DOWN")).body("safeMode.since", notNullValue())
                .body("safeMode.clearedAt", nullValue());
        BigDecimal size = new BigDecimal("0.01");
        BigDecimal price = new BigDecimal("100");
        assertEquals("safeMode", risk.checkEntry("RK12", size, price, "AI", book).refusedBy());
        assertEquals("safeMode", risk.checkEntry("RK12", size, price, "HYBRID", book).refusedBy());
        assertTrue(risk.checkEntry("RK12", size, price, "RULES", book).allowed());

        risk.modelAnswered(true, null);
        assertFalse(risk.safeMode().on());
        assertTrue(risk.checkEntry("RK12", size, price, "AI", book).allowed());
        // off, and says when it was on, why, and when and why it cleared
        given().get("/api/decision/risk").then().body("safeMode.on", equalTo(false))
                .body("safeMode.cameOnBecause", equalTo("RULES MODEL_DOWN")).body("safeMode.since", notNullValue())
                .body("safeMode.clearedAt", notNullValue())
                .body("safeMode.clearedBecause", equalTo("the model answered again"));
        given().get("/api/status").then().body("analyzer.safeMode.on", equalTo(false))
                .body("analyzer.safeMode.cameOnBecause", equalTo("RULES MODEL_DOWN"))
                .body("analyzer.safeMode.clearedBecause", equalTo("the model answered again"));

        risk.modelAnswered(false, "TIMEOUT");
        risk.modelAnswered(false, "TIMEOUT");
        assertTrue(risk.safeMode().on());
        given().delete("/api/decision/safe-mode").then().statusCode(200).body("on", equalTo(false))
                .body("cameOnBecause", equalTo("TIMEOUT")).body("clearedBecause", equalTo("cleared by the operator"));
        assertTrue(risk.checkEntry("RK12", size, price, "AI", book).allowed());
    }

}
