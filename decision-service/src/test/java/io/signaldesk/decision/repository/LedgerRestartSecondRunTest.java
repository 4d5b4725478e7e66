package io.signaldesk.decision.repository;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.support.Profiles;

/** Second life of the app on the file {@link LedgerRestartFirstRunTest} left: everything is still there, once. */
@QuarkusTest
@TestProfile(Profiles.RestartSecondRun.class)
class LedgerRestartSecondRunTest {

    @Inject
    LedgerRepository ledger;

    @Test
    void ledgerModeAndProposalsSurviveTheRestartAndTheFillIsNotAppliedTwice() {
        assertEquals(1, ledger.fills(10).size(), "the first run left exactly one fill");
        Fill fill = ledger.fills(10).get(0);
        Position position = ledger.position("RS1").orElseThrow();
        assertEquals(0, new BigDecimal("0.25").compareTo(position.qty()));
        assertEquals(fill.price(), position.entryPrice());
        assertEquals(fill.proposalId(), position.proposalId());

        given().get("/api/decision/mode").then().statusCode(200).body("mode", equalTo("AI")).body("policy", equalTo("AGREE"));
        given().get("/api/proposals/" + fill.proposalId()).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        given().get("/api/proposals").then().statusCode(200).body("coin", hasItem("RS2")).body("$", hasSize(2));
        given().get("/api/portfolio").then().statusCode(200).body("positions", hasSize(1))
                .body("positions[0].position.coin", equalTo("RS1"));

        given().post("/api/proposals/" + fill.proposalId() + "/confirm").then().statusCode(409)
                .body("error", containsString("CONFIRMED"));
        assertEquals(1, ledger.fillCount(fill.proposalId()));
    }
}
