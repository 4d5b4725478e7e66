package io.signaldesk.decision.repository;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.service.DecisionEngine;
import io.signaldesk.decision.service.MarketStateService;
import io.signaldesk.decision.service.ModeService;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.Profiles;

/**
 * First life of the app on a fresh database file: confirms one proposal, leaves another pending and
 * switches the mode. {@link LedgerRestartSecondRunTest} starts the app again on the same file.
 */
@QuarkusTest
@TestProfile(Profiles.RestartFirstRun.class)
class LedgerRestartFirstRunTest {

    @Inject
    DecisionEngine engine;

    @Inject
    MarketStateService market;

    @Inject
    ModeService modes;

    @Inject
    LedgerRepository ledger;

    @Test
    void confirmsAFillLeavesAProposalPendingAndSwitchesMode() {
        modes.change(Mode.RULES, Policy.VETO);
        var filled = Market.bullish("RS1", "2000");
        var waiting = Market.bearish("RS2", "30");
        market.accept(Market.snapshot(filled, waiting));
        String filledId = engine.evaluateEntry(filled).orElseThrow().proposalId();
        engine.evaluateEntry(waiting).orElseThrow();

        given().contentType(ContentType.JSON).body("{\"size\":0.25}").post("/api/proposals/" + filledId + "/confirm")
                .then().statusCode(200).body("qty", equalTo(0.25f));
        given().contentType(ContentType.JSON).body("{\"mode\":\"AI\",\"policy\":\"AGREE\"}").put("/api/decision/mode")
                .then().statusCode(200);

        assertEquals(1, ledger.fills(10).size());
        assertEquals(1, ledger.positions().size());
    }
}
