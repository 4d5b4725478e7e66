package io.signaldesk.decision.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.DecisionEngine;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.SignalScoringService;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.Profiles;

/**
 * First life of the app on a fresh database file: confirms one proposal, leaves another pending,
 * switches the mode and the confirmation settings, tightens two risk limits and halts trading, scores one signal and leaves others waiting for
 * their horizon. {@link LedgerRestartSecondRunTest} starts the app again on the same file.
 */
@QuarkusTest
@TestProfile(Profiles.RestartFirstRun.class)
class LedgerRestartFirstRunTest {

    @Inject
    DecisionEngine engine;

    @Inject
    FeedStateService market;

    @Inject
    ModeService modes;

    @Inject
    LedgerRepository ledger;

    @Inject
    SignalScoringService scoring;

    @Inject
    EdgeService edge;

    @Test
    void confirmsAFillLeavesAProposalPendingAndSwitchesModeAndConfirmation() {
        modes.change(Mode.RULES, Policy.VETO);
        var filled = Market.bullish("RS1", "2000");
        var waiting = Market.bearish("RS2", "30");
        market.accept(Market.snapshot(filled, waiting));
        String filledId = engine.evaluateEntry(filled).orElseThrow().proposalId();
        engine.evaluateEntry(waiting).orElseThrow();

        // 0.05 of the proposed 0.1 (2 % of 10,000 at 2,000): a confirmation may not buy more than proposed
        given().contentType(ContentType.JSON).body("{\"size\":0.05}").post("/api/proposals/" + filledId + "/confirm")
                .then().statusCode(200).body("qty", equalTo(0.05f));
        given().contentType(ContentType.JSON).body("{\"mode\":\"AI\",\"policy\":\"AGREE\"}").put("/api/decision/mode")
                .then().statusCode(200);

        assertEquals(1, ledger.fills(10).size());
        assertEquals(1, ledger.positions().size());

        // last, so that the entries above still wait for a confirmation
        given().contentType(ContentType.JSON).body("{\"requireConfirmation\":false,\"autoMinConfidence\":9}")
                .put("/api/decision/settings").then().statusCode(200).body("requireConfirmation", equalTo(false))
                .body("autoMinConfidence", equalTo(9));
        given().contentType(ContentType.JSON).body("{\"maxOpenPositions\":2,\"maxSlippagePct\":0.3}")
                .put("/api/decision/risk").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"reason\":\"restart test\"}").post("/api/decision/halt")
                .then().statusCode(200).body("halted", equalTo(true));
    }

    /**
     * SG1: a LONG at 100 that the price (101 one minute later) proves right at 1m, still pending at 5m.
     * SG3: a SHORT ten minutes ago whose prices this run never saw: pending at both horizons.
     */
    @Test
    void scoresOneSignalAndLeavesOthersPending() {
        Instant now = Instant.now();
        market.accept(Market.snapshot(Market.flat("SG1", "100")), now.minusSeconds(130));
        scoring.record(new Signal("SG1", "RULES", Direction.LONG, 8, new BigDecimal("100"), Direction.WAIT,
                now.minusSeconds(125)));
        market.accept(Market.snapshot(Market.flat("SG1", "101")), now.minusSeconds(60));
        scoring.record(new Signal("SG3", "AI", Direction.SHORT, 2, new BigDecimal("200"), Direction.LONG,
                now.minus(Duration.ofMinutes(10))));

        scoring.scoreDue();

        given().get("/api/signals/accuracy").then().statusCode(200)
                .body("pendingSignals", equalTo(3))
                .body("byHorizon.find { it.horizon == '1m' }.byCoin.SG1.hits", equalTo(1))
                .body("byHorizon.find { it.horizon == '1m' }.byCoin.SG1.hitRate", equalTo(1.0f));
    }

    /** EG1: an entry called LONG at 100, scored +1 % its way once its 15-minute horizon has passed (the mark 101). */
    @Test
    void scoresAnEntryCallIntoTheEdgeTrackRecord() {
        Instant now = Instant.now();
        edge.call(Market.bullish("EG1", "100"), "RULES", Direction.LONG, 8, now.minus(Duration.ofMinutes(16)));
        edge.observe(Market.bullish("EG1", "101"), now);

        given().get("/api/status").then().statusCode(200)
                .body("edge.scoredCalls", equalTo(1))
                .body("edge.setups[0].meanMovePct", equalTo(1.0f));
    }
}
