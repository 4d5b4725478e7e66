package io.signaldesk.decision.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.engine.port.SignalStore.PendingOutcome;
import io.signaldesk.decision.engine.DecisionEngine;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.engine.SignalScoringService;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.Profiles;

/** Second life of the app on the file {@link LedgerRestartFirstRunTest} left: everything is still there, once. */
@QuarkusTest
@TestProfile(Profiles.RestartSecondRun.class)
class LedgerRestartSecondRunTest {

    @Inject
    LedgerRepository ledger;

    @Inject
    SignalRepository signals;

    @Inject
    SignalScoringService scoring;

    @Inject
    FeedStateService market;

    @Inject
    MeterRegistry registry;

    @Inject
    DecisionEngine engine;

    @Test
    void ledgerModeAndProposalsSurviveTheRestartAndTheFillIsNotAppliedTwice() {
        assertEquals(1, ledger.fills(10).size(), "the first run left exactly one fill");
        Fill fill = ledger.fills(10).get(0);
        Position position = ledger.position("RS1").orElseThrow();
        assertEquals(0, new BigDecimal("0.05").compareTo(position.qty()));
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

    @Test
    void theKillSwitchAndTheRiskLimitsSurviveTheRestart() {
        given().get("/api/decision/risk").then().statusCode(200).body("halt.halted", equalTo(true))
                .body("halt.reason", equalTo("restart test")).body("limits.maxOpenPositions", equalTo(2))
                .body("limits.maxSlippagePct", equalTo(0.3f));
        var coin = Market.bullish("RS3", "10");
        market.accept(Market.snapshot(coin));
        assertTrue(engine.evaluateEntry(coin).isEmpty(), "still halted after the restart: no entry");
        // resuming is left out: it would let the other tests here see new proposals
    }

    @Test
    void confirmationSettingsSurviveTheRestart() {
        given().get("/api/decision/settings").then().statusCode(200).body("requireConfirmation", equalTo(false))
                .body("autoMinConfidence", equalTo(9));
    }

    @Test
    void signalAccuracyAndPendingSignalsSurviveTheRestartAndPendingOnesAreScoredOrMarkedUnscorable() {
        given().get("/api/signals/accuracy").then().statusCode(200)
                .body("pendingSignals", equalTo(3))
                .body("byHorizon.find { it.horizon == '1m' }.byCoin.SG1.scored", equalTo(1))
                .body("byHorizon.find { it.horizon == '1m' }.byCoin.SG1.hits", equalTo(1))
                .body("byHorizon.find { it.horizon == '1m' }.byConfidence.'7-10'.hitRate", equalTo(1.0f));
        assertEquals(1.0, registry.get("decision.signal.hit.rate.by.confidence").tag("bucket", "7-10")
                .tag("horizon", "1m").gauge().value());
        assertEquals(1.0, registry.get("decision.signal.hit.rate").tag("source", "RULES").tag("horizon", "1m")
                .gauge().value());

        // SG3's prices arrive now for the instants after the restart's gap: from 4 minutes after the signal on.
        PendingOutcome sg3 = signals.pending().stream().filter(p -> p.signal().coin().equals("SG3")).findFirst()
                .orElseThrow();
        market.accept(Market.snapshot(Market.flat("SG3", "200")), sg3.signal().at().plus(Duration.ofMinutes(4)));
        market.accept(Market.snapshot(Market.flat("SG3", "198")), sg3.signal().at().plus(Duration.ofSeconds(301)));
        scoring.scoreDue();

        given().get("/api/signals/accuracy").then().statusCode(200)
                .body("pendingSignals", equalTo(1))
                .body("unscorableSignals", equalTo(1))
                .body("byHorizon.find { it.horizon == '5m' }.byCoin.SG3.scored", equalTo(1))
                .body("byHorizon.find { it.horizon == '5m' }.byCoin.SG3.hits", equalTo(1))
                .body("byHorizon.find { it.horizon == '1m' }.byCoin", not(hasKey("SG3")));
        assertEquals(1, signals.countUnscorable(), "SG3 at 1m: its price passed while the app was down");
    }

    @Test
    void theEdgeTrackRecordSurvivesTheRestart() {
        given().get("/api/status").then().statusCode(200)
                .body("edge.mode", equalTo("off")) // the tests' own setting (application.properties, %test)
                .body("edge.scoredCalls", equalTo(1))
                .body("edge.waiting", hasItem("EG1 LONG, rules (confidence 7-10, unknown market): 1 of 30 scored calls"));
    }
}
