package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.ConfirmCard;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.SignalOutcomes;
import io.signaldesk.decision.engine.SignalScoringService;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/** GET /api/proposals: a pending proposal's confirm card says what a confirm fills, costs and has been worth. */
@QuarkusTest
class ProposalCardTest {

    @Inject
    Desk desk;

    @Inject
    SignalScoringService scoring;

    @Inject
    ProposalCards cards;

    @Inject
    DecisionConfig config;

    @Inject
    io.signaldesk.decision.engine.EdgeService edge;

    @Inject
    LiveEvaluationService evaluation;

    @BeforeEach
    void rulesMode() {
        desk.rulesMode();
        scoring.clear();
        evaluation.expire(); // the figures are read at most every 5 s: not another test's calls of the last 5 s
    }

    @AfterEach
    void forget() {
        scoring.clear();
        evaluation.expire();
    }

    @Test
    void aPendingEntrySaysItsNotionalStopTargetFeesAndWorstFill() {
        String id = desk.proposeEntry(Market.bullish("CARD1", "1000"));
        JsonPath p = given().get("/api/proposals/" + id).then().statusCode(200).extract().jsonPath();
        BigDecimal size = new BigDecimal(p.getString("size"));
        // the fill at the proposal's 1000 moved 0.05 % against a buyer; stop 1.5 % under it, target 3 % over it
        assertNumber("1000.50", p.getString("card.expectedFill"));
        assertNumber("985.49", p.getString("card.stopPrice")); // 1000.5 x 0.985 = 985.4925
        assertNumber("1030.52", p.getString("card.targetPrice")); // 1000.5 x 1.03 = 1030.515
        // the guard lets the live price move 10 % (the test profile's limit): 1100, plus the fill's slippage
        assertNumber("1100.55", p.getString("card.worstFill"));
        assertEquals(0, new BigDecimal("10").compareTo(new BigDecimal(p.getString("card.maxSlippagePct"))));
        BigDecimal notional = size.multiply(new BigDecimal("1000")).setScale(2, java.math.RoundingMode.HALF_UP);
        assertNumber(notional.toPlainString(), p.getString("card.notional"));
        BigDecimal fee = size.multiply(new BigDecimal("1000.5")).multiply(new BigDecimal("0.001"))
                .setScale(2, java.math.RoundingMode.HALF_UP);
        assertNumber(fee.toPlainString(), p.getString("card.fee"));
        // the engine sizes an entry at 2 % of equity, rounded down to 6 decimals of the coin
        double equityPct = p.getDouble("card.equityPct");
        assertTrue(equityPct > 1.99 && equityPct <= 2.0, "share of equity " + equityPct);
        int left = p.getInt("card.secondsLeft");
        assertTrue(left > 0 && left <= config.proposalTtl().toSeconds(), "seconds left " + left);
        assertEquals("expires unconfirmed: nothing is entered", p.getString("card.onExpiry"));
        assertEquals("RULES", p.getString("card.confidence.source"));
        // no RULES call scored (the evaluation read again after the scored calls were cleared)
        String meaning = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> given().get("/api/proposals/" + id).then().extract().jsonPath().getString("card.confidence.meaning"),
                m -> m.contains("not measured yet"));
        assertTrue(meaning.startsWith(p.getInt("confidence") + "/10 is the RULES call's own estimate"), meaning);

        // the list shows the same card; once decided, no card
        given().get("/api/proposals?status=PENDING").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.card.worstFill", org.hamcrest.Matchers.equalTo(1100.55f));
        given().post("/api/proposals/" + id + "/reject").then().statusCode(200);
        assertNull(given().get("/api/proposals/" + id).then().statusCode(200).extract().jsonPath().get("card"));
    }

    @Test
    void theConfidenceReadsAsTheMeasuredHitRateOfItsSourceAndBucket() {
        String id = desk.proposeEntry(Market.bullish("CARD2", "200"));
        int confidence = given().get("/api/proposals/" + id).then().extract().jsonPath().getInt("confidence");
        Duration longest = config.scoring().horizons().stream().max(Duration::compareTo).orElseThrow();
        BigDecimal band = config.scoring().flatBandPct();
        // three RULES calls in the proposal's bucket: two went the called way, one did not; an AI call does not count
        scoring.add(SignalOutcomes.score(signal("RULES", Direction.LONG, confidence, 0), longest, new BigDecimal("100.50"), band));
        scoring.add(SignalOutcomes.score(signal("RULES", Direction.SHORT, confidence, 1), longest, new BigDecimal("99.50"), band));
        scoring.add(SignalOutcomes.score(signal("RULES", Direction.LONG, confidence, 2), longest, new BigDecimal("99.50"), band));
        scoring.add(SignalOutcomes.score(signal("AI", Direction.LONG, confidence, 3), longest, new BigDecimal("100.50"), band));

        // the evaluation is read at most every 5 s: read again now, with these calls
        evaluation.expire();
        JsonPath p = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> given().get("/api/proposals/" + id).then().statusCode(200).extract().jsonPath(),
                json -> json.getInt("card.confidence.calls") == 3);
        assertEquals(2, p.getInt("card.confidence.hits"));
        String meaning = p.getString("card.confidence.meaning");
        // 2 of 3, Wilson 95 % [20.8, 93.9]
        assertTrue(meaning.contains("went the called way 66.7 % of 3 times") && meaning.contains("20.8 %-93.9 %"), meaning);
    }

    @Test
    void theCardNamesBothHorizonsTheSourcesDirectionAtTheScoringOneAndTheSetupsNetEdgeAtTheGatesOne() {
        String id = desk.proposeEntry(Market.bullish("CARD6", "300"));
        JsonPath p = given().get("/api/proposals/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("5m", p.getString("card.confidence.horizon"), "the longest scoring horizon");
        assertEquals("15m", p.getString("card.edge.horizon"), "strategy.edge.horizon");
        assertTrue(p.getBoolean("card.edge.atCall"), "what the gate read when it let the entry through");
        assertEquals(0, p.getInt("card.edge.estimate.scored"));
        assertEquals("unknown", p.getString("card.edge.market"), "the feed's frames of CARD6 name no market");
        assertTrue(p.getString("card.edge.meaning").startsWith("edge gate on unknown, over 15m: CARD6 LONG, rules, confidence "),
                p.getString("card.edge.meaning"));
        assertTrue(p.getString("card.edge.meaning").endsWith(": 0 of 30 calls scored, too few to measure an edge: no measured edge"),
                p.getString("card.edge.meaning"));
    }

    @Test
    void aMeasuredSetupsEdgeIsNetOfTheRoundTripWithItsLowerBoundAndCount() {
        // 40 calls of the setup scored at 15 m, each +0.25 % gross: expected 10 / 60 = 0.1667 %, minus the 0.30 % round trip
        io.signaldesk.core.edge.SetupKey setup = io.signaldesk.core.edge.SetupKey.of("CARD7", "RULES", Direction.LONG, 8,
                io.signaldesk.core.edge.VolatilityRegime.UNKNOWN);
        java.util.List<io.signaldesk.decision.engine.port.EdgeStore.ScoredCall> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(new io.signaldesk.decision.engine.port.EdgeStore.ScoredCall(setup, Instant.parse("2024-10-01T00:00:00Z")
                    .plusSeconds(60L * i), Duration.ofMinutes(15), new BigDecimal(i % 2 == 0 ? "0.20" : "0.30"), null));
        }
        edge.seed(calls, edge.marketOf("CARD7"));
        Instant now = Instant.now();
        Proposal entry = new Proposal("entry-card", ProposalKind.ENTRY, "CARD7", PositionSide.LONG, new BigDecimal("0.5"),
                new BigDecimal("20.00"), 8, null, "RULES", Mode.RULES, null, "LONG: momentum", null, null,
                ProposalStatus.PENDING, now, now.plusSeconds(60), null);

        ConfirmCard.EdgeRecord record = cards.view(entry).card().edge();

        assertFalse(record.atCall(), "no call of this run: the record as it stands now");
        assertEquals(40, record.estimate().scored());
        assertEquals(new BigDecimal("-0.1333"), record.estimate().expectancyPct());
        assertEquals(edge.marketOf("CARD7"), record.market(), "seeded for the desk's market, which prices CARD7");
        assertEquals("edge gate on " + record.market() + ", over 15m (its record now): CARD7 LONG, rules, confidence 7-10, unknown market: expectancy "
                + "-0.1333 % a trade after the 0.3 % round trip (fee + slippage, both fills), lower bound "
                + record.estimate().lowerBoundPct() + " % (95 % one-sided), 40 calls: no measured edge", record.meaning());
    }

    @Test
    void anExitThatExpiresSaysThePositionStaysOpen() {
        Instant now = Instant.now();
        Proposal exit = new Proposal("exit-card", ProposalKind.EXIT, "CARD3", PositionSide.SHORT, new BigDecimal("0.5"),
                new BigDecimal("20.00"), 2, null, "RULES", Mode.RULES, null, "SHORT exit: momentum turned", null, null,
                ProposalStatus.PENDING, now, now.plusSeconds(60), null);
        ConfirmCard card = cards.view(exit).card();
        assertEquals("expires unconfirmed: the position stays open, its stop and target still apply", card.onExpiry());
        assertTrue(card.warnings().contains("not confirmed, the SHORT position in CARD3 stays open"), card.warnings().toString());
        assertTrue(card.lowConfidence(), "2/10 is in the low bucket");
        assertFalse(card.unproven());
        assertNull(card.stopPrice());
        assertNull(card.worstFill());
        assertEquals(new BigDecimal("10.00"), card.notional());
        // a buy to close at 20 plus 0.05 % slippage: 20.01, fee 0.1 % of 10.005
        assertEquals(new BigDecimal("20.01"), card.expectedFill());
        assertEquals(new BigDecimal("0.01"), card.fee());
    }

    @Test
    void theEdgeVerdictIsAFieldOfTheProposalAndItsDecisionThatTheCardReads() {
        // the test profile runs the gate off: the engine's entry is proposed UNGATED, and the API says so on both; its
        // setup is not proven, so the card marks it as advise's would
        String id = desk.proposeEntry(Market.bullish("CARD4", "500"));
        given().get("/api/proposals/" + id).then().statusCode(200)
                .body("edgeVerdict", org.hamcrest.Matchers.equalTo("UNGATED"))
                .body("card.unproven", org.hamcrest.Matchers.equalTo(true))
                .body("card.warnings", org.hamcrest.Matchers.hasItem(
                        "unproven: no measured edge for this setup after costs (edge gate off)"));
        given().get("/api/decisions?limit=1000").then().statusCode(200)
                .body("find { it.proposalId == '" + id + "' }.edgeVerdict", org.hamcrest.Matchers.equalTo("UNGATED"));

        Instant now = Instant.now();
        Proposal advised = entry("advised-card", "LONG: momentum 0.3% | unproven (no measured edge): 3 of 30", EdgeVerdict.UNPROVEN, now);
        ConfirmCard card = cards.view(advised).card();
        assertTrue(card.unproven());
        assertTrue(card.warnings().contains("unproven: no measured edge for this setup after costs"), card.warnings().toString());
        // the word in a reason is not the verdict
        ConfirmCard proven = cards.view(entry("proven-card", "LONG: unproven breakout", EdgeVerdict.PROVEN, now)).card();
        assertFalse(proven.unproven());
        assertFalse(proven.warnings().stream().anyMatch(w -> w.startsWith("unproven")), proven.warnings().toString());
    }

    private static Proposal entry(String id, String ruleReason, EdgeVerdict verdict, Instant now) {
        return new Proposal(id, ProposalKind.ENTRY, "CARD5", PositionSide.LONG, new BigDecimal("0.5"), new BigDecimal("20.00"),
                6, null, "RULES", Mode.RULES, null, ruleReason, null, null, ProposalStatus.PENDING, now,
                now.plusSeconds(60), null, null, null, verdict);
    }

    private static void assertNumber(String expected, String actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), "expected " + expected + ", was " + actual);
    }

    /** A call on the desk's market (the evaluation counts the desk's market only). */
    private Signal signal(String source, Direction direction, int confidence, int minute) {
        return new Signal("CARD2", source, direction, confidence, new BigDecimal("100.00"), Direction.WAIT,
                Instant.parse("2026-11-25T12:00:00Z").plusSeconds(60L * minute), scoring.deskMarket());
    }
}
