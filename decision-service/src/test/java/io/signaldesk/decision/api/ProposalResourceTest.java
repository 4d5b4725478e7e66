package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.decision.ledger.LedgerRepository;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

@QuarkusTest
class ProposalResourceTest {

    @Inject
    Desk desk;

    @Inject
    LedgerRepository ledger;

    @BeforeEach
    void rulesMode() {
        desk.rulesMode();
    }

    @Test
    void confirmFillsOnceAndASecondConfirmIs409() {
        String id = desk.proposeEntry(Market.bullish("P1", "1000"));
        given().get("/api/proposals?status=PENDING").then().statusCode(200).body("id", hasItem(id));

        given().post("/api/proposals/" + id + "/confirm").then().statusCode(200)
                .body("proposalId", equalTo(id)).body("kind", equalTo("ENTRY")).body("coin", equalTo("P1"))
                .body("price", equalTo(1000.5f)) // mark 1000 plus 0.05 % slippage against a buyer
                .body("fee", notNullValue());
        given().post("/api/proposals/" + id + "/confirm").then().statusCode(409)
                .body("error", containsString("CONFIRMED"));

        assertEquals(1, ledger.fillCount(id), "never a second fill");
        given().get("/api/proposals/" + id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        given().get("/api/portfolio").then().statusCode(200)
                .body("positions.position.coin", hasItem("P1")).body("equity", notNullValue());
        given().get("/api/trades").then().statusCode(200).body("proposalId", hasItem(id));
        given().get("/api/decisions?limit=5").then().statusCode(200).body("proposalId", hasItem(id));
    }

    @Test
    void rejectedProposalCannotBeConfirmed() {
        String id = desk.proposeEntry(Market.bullish("P2", "50"));
        given().post("/api/proposals/" + id + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().post("/api/proposals/" + id + "/confirm").then().statusCode(409).body("error", containsString("REJECTED"));
        given().post("/api/proposals/" + id + "/reject").then().statusCode(409);
        assertEquals(0, ledger.fillCount(id));
    }

    @Test
    void confirmWithAnotherSizeFillsThatSize() {
        String id = desk.proposeEntry(Market.bullish("P3", "10"));
        given().contentType(ContentType.JSON).body("{\"size\":0.5}").post("/api/proposals/" + id + "/confirm")
                .then().statusCode(200).body("qty", equalTo(0.5f));
    }

    @Test
    void badInputIsA400NamingTheFieldAndUnknownIdsA404() {
        String id = desk.proposeEntry(Market.bullish("P4", "10"));
        given().contentType(ContentType.JSON).body("{\"size\":-1}").post("/api/proposals/" + id + "/confirm")
                .then().statusCode(400).body("field", equalTo("size"));
        given().contentType(ContentType.JSON).body("{\"size\":\"lots\"}").post("/api/proposals/" + id + "/confirm")
                .then().statusCode(400).body("field", equalTo("size"));
        given().contentType(ContentType.JSON).body("{not json").post("/api/proposals/" + id + "/confirm")
                .then().statusCode(400).body("error", containsString("malformed JSON"));
        given().post("/api/proposals/no-such-id/confirm").then().statusCode(404).body("error", containsString("no-such-id"));
        given().get("/api/proposals/no-such-id").then().statusCode(404);
        given().get("/api/proposals?status=MAYBE").then().statusCode(400).body("field", equalTo("status"));
        given().get("/api/decisions?limit=0").then().statusCode(400).body("field", equalTo("limit"));
        assertEquals(0, ledger.fillCount(id));
    }

    @Test
    void modeSwitchesAtRunTimeAndRejectsUnknownValues() {
        given().contentType(ContentType.JSON).body("{\"mode\":\"HYBRID\",\"policy\":\"AGREE\"}").put("/api/decision/mode")
                .then().statusCode(200).body("mode", equalTo("HYBRID")).body("policy", equalTo("AGREE"));
        given().get("/api/decision/mode").then().statusCode(200).body("policy", equalTo("AGREE"));
        given().contentType(ContentType.JSON).body("{\"mode\":\"AI\"}").put("/api/decision/mode")
                .then().statusCode(200).body("mode", equalTo("AI")).body("policy", equalTo("AGREE"));
        given().contentType(ContentType.JSON).body("{\"mode\":\"YOLO\"}").put("/api/decision/mode")
                .then().statusCode(400).body("field", equalTo("mode"));
        given().contentType(ContentType.JSON).body("{\"mode\":\"AI\",\"policy\":\"MAYBE\"}").put("/api/decision/mode")
                .then().statusCode(400).body("field", equalTo("policy"));
        given().contentType(ContentType.JSON).body("{}").put("/api/decision/mode")
                .then().statusCode(400).body("field", equalTo("mode"));
        given().get("/q/metrics").then().body(containsString("decision_mode{mode=\"AI\"} 1.0"));
    }

    @Test
    void confirmationCanBeSwitchedOffAtRunTime() {
        given().contentType(ContentType.JSON).body("{\"requireConfirmation\":false,\"autoMinConfidence\":1}")
                .put("/api/decision/settings").then().statusCode(200).body("requireConfirmation", equalTo(false));
        String id = desk.proposeEntry(Market.bullish("P5", "10"));
        given().get("/api/proposals/" + id).then().statusCode(200).body("status", equalTo("AUTO_EXECUTED"));
        assertEquals(1, ledger.fillCount(id));
        given().contentType(ContentType.JSON).body("{\"requireConfirmation\":true,\"autoMinConfidence\":11}")
                .put("/api/decision/settings").then().statusCode(400).body("field", equalTo("autoMinConfidence"));
        given().contentType(ContentType.JSON).body("{}").put("/api/decision/settings").then().statusCode(400)
                .body("field", equalTo("requireConfirmation"));
        given().get("/api/decision/settings").then().statusCode(200).body("requireConfirmation", equalTo(false));
    }

}
