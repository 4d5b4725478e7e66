package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.ledger.LedgerRepository;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.Profiles;

/** SIGNAL_API_KEY set (as signal.api-key) and a one-second proposal TTL (profile shared with AnalyzerFailureTest). */
@QuarkusTest
@TestProfile(Profiles.Hardened.class)
class SecuredApiTest {

    @Inject
    Desk desk;

    @Inject
    LedgerRepository ledger;

    @Test
    void mutatingEndpointsNeedTheKeyReadsDoNot() {
        given().contentType(ContentType.JSON).body("{\"mode\":\"AI\"}").put("/api/decision/mode")
                .then().statusCode(401).body("field", equalTo("X-Api-Key")).body("error", containsString("required"));
        given().header("X-Api-Key", "wrong").contentType(ContentType.JSON).body("{\"mode\":\"AI\"}")
                .put("/api/decision/mode").then().statusCode(401).body("error", containsString("wrong"));
        given().header("X-Api-Key", "test-key").contentType(ContentType.JSON).body("{\"mode\":\"RULES\"}")
                .put("/api/decision/mode").then().statusCode(200).body("mode", equalTo("RULES"));
        given().post("/api/proposals/any/confirm").then().statusCode(401);
        given().post("/api/proposals/any/reject").then().statusCode(401);
        given().get("/api/decision/mode").then().statusCode(200);
        given().get("/api/portfolio").then().statusCode(200);
    }

    @Test
    void swaggerOffersTheKeyField() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.apiKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-Api-Key"))
                .body("components.securitySchemes.apiKey.in", equalTo("header"))
                .body("paths.'/api/decision/mode'.put.security[0]", org.hamcrest.Matchers.hasKey("apiKey"));
    }

    @Test
    void expiredProposalIs409AndNeverFilled() {
        desk.modes().change(Mode.RULES, Policy.VETO);
        var coin = Market.bullish("E1", "100");
        String id = desk.proposeEntry(coin);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> desk.proposals().find(id).orElseThrow().status() == ProposalStatus.EXPIRED);
        given().header("X-Api-Key", "test-key").post("/api/proposals/" + id + "/confirm").then().statusCode(409)
                .body("error", containsString("EXPIRED"));
        assertEquals(0, ledger.fillCount(id));
    }
}
