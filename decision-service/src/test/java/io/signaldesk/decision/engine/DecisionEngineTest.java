package io.signaldesk.decision.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.paper.PaperMath;
import io.signaldesk.core.rules.RuleThresholds;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.ledger.DecisionRepository;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Analyzer;
import io.signaldesk.decision.support.InjectWireMock;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.WireMockAnalyzer;
import io.signaldesk.decision.adapter.analyzer.AnalyzerStatusService;
import io.signaldesk.decision.engine.port.AiAnswer;

@QuarkusTest
@QuarkusTestResource(WireMockAnalyzer.class)
class DecisionEngineTest {

    @InjectWireMock
    WireMockServer analyzer;

    @Inject
    Desk desk;

    @Inject
    RiskService risk;

    @Inject
    DecisionRepository decisions;

    @Inject
    DecisionConfig config;

    @Inject
    io.signaldesk.core.strategy.StrategySettings strategy;

    @Inject
    AnalyzerStatusService analyzerStatus;

    @BeforeEach
    void reset() {
        analyzer.resetAll();
        desk.analyzerAsAtStart();
        desk.engine().resetCooldowns();
        desk.proposals().configure(true, 7);
    }

    @Test
    void rulesModeProposesFromTheRulesWithoutAskingTheAnalyzer() {
        desk.modes().change(Mode.RULES, Policy.VETO);
        Decision decision = entry(Market.bullish("R1", "100"));

        assertEquals(DecisionOutcome.PROPOSED, decision.outcome());
        Proposal proposal = desk.proposals().find(decision.proposalId()).orElseThrow();
        assertEquals(PositionSide.LONG, proposal.side());
        assertEquals("RULES", proposal.source());
        assertEquals(ProposalStatus.PENDING, proposal.status());
        assertTrue(proposal.ruleReason().startsWith("LONG: momentum 0.45%"), proposal.ruleReason());
        assertEquals(0, analyzer.getAllServeEvents().size(), "RULES mode never calls the analyzer");
    }

    @Test
    void aDecisionCarriesTheMarketTimeOfTheDataItWasMadeOnBesideItsOwnTime() {
        desk.modes().change(Mode.RULES, Policy.VETO);
        CoinSnapshot replayed = Market.bullish("MT1", "100");
        Instant capturedAt = Instant.parse("2024-08-08T23:54:53.120Z"); // a 2024 capture replayed now
        replayed = new CoinSnapshot(replayed.coin(), replayed.symbol(), replayed.venue(), replayed.lastPrice(),
                replayed.bestBid(), replayed.bestAsk(), replayed.midPrice(), replayed.spread(), replayed.momentum60sPct(),
                replayed.bookImbalance(), replayed.trades60s(), replayed.vwap60s(), replayed.volatility60sPct(),
                replayed.lastEventAgeMs(), capturedAt);

        Decision decision = entry(replayed);

        assertEquals(capturedAt, decision.marketAt());
        assertTrue(decision.at().isAfter(Instant.parse("2026-01-01T00:00:00Z")), "decided now: " + decision.at());
        Decision stored = decisions.latest(20).stream().filter(d -> d.coin().equals("MT1")).findFirst().orElseThrow();
        assertEquals(capturedAt, stored.marketAt(), "kept in the audit trail");
    }

    @Test
    void rulesModeProposesAShortOnABearishSnapshot() {
        desk.modes().change(Mode.RULES, Policy.VETO);
        Decision decision = entry(Market.bearish("R2", "50"));
        assertEquals(PositionSide.SHORT, desk.proposals().find(decision.proposalId()).orElseThrow().side());
    }

    @Test
    void flatMarketGivesNoDecision() {
        desk.modes().change(Mode.HYBRID, Policy.ADVISORY);
        CoinSnapshot coin = Market.flat("R3", "100");
        desk.market().accept(Market.snapshot(coin));
        assertTrue(desk.engine().evaluateEntry(coin).isEmpty());
    }

    @Test
    void aiModeActsOnTheStreamedDecisionSizesFromThePaperSettingsAndFillsInTheReason() {
        desk.modes().change(Mode.AI, Policy.VETO);
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-enter.json");
        BigDecimal equity = desk.trading().refresh().equity();

        Decision decision = entry(Market.bullish("A1", "200"));

        Proposal proposal = desk.proposals().find(decision.proposalId()).orElseThrow();
        assertEquals("AI", proposal.source());
        assertEquals(8, proposal.confidence());
        assertEquals(0, strategy.exits().stopLossPct().compareTo(proposal.stopLossPct()));
        assertEquals(PaperMath.quantity(equity, strategy.sizing().sizePct(), new BigDecimal("200")), proposal.size());
        assertTrue(reasonOf(proposal.id()).contains("Strong buying pressure"), "the streamed reason replaces the placeholder");
        analyzer.verify(postRequestedFor(urlEqualTo("/api/analysis/entry"))
                .withHeader("Accept", WireMock.containing("text/event-stream"))
                .withRequestBody(matchingJsonPath("$.coin", equalTo("A1")))
                .withRequestBody(matchingJsonPath("$.side", equalTo("LONG")))
                .withRequestBody(matchingJsonPath("$.market.coins[0].coin", equalTo("A1"))));
        analyzer.verify(0, postRequestedFor(urlEqualTo("/api/analysis/risk")));
    }

    /** The proposal's AI reason once the analyzer's reason has been written into it. */
    private String reasonOf(String proposalId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !desk.proposals().find(proposalId).orElseThrow().aiReason()
                .contains(AiAnswer.REASON_FOLLOWS));
        return desk.proposals().find(proposalId).orElseThrow().aiReason();
    }

    /** Issue 12: an answer the analyzer made with its own rules is not the model's: the rules decide, labelled. */
    @Test
    void aiModeFallsBackToTheRulesLabelledWhenTheAnalyzerAnsweredWithItsOwnRules() {
        desk.modes().change(Mode.AI, Policy.VETO);
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-analyzer-rules.json");
        CoinSnapshot coin = Market.bullish("A3", "200");
        int rulesConfidence = rulesConfidence(coin);
        Proposal proposal = desk.proposals().find(entry(coin).proposalId()).orElseThrow();
        assertEquals("RULES_FALLBACK", proposal.source());
        assertEquals("MODEL_DOWN", proposal.fallbackReason());
        assertEquals(rulesConfidence, proposal.confidence());
        assertNull(proposal.aiReason());
    }

    /**
     * Issue 12: with no Ollama the dashboard lit HYBRID while the analyzer answered from rules, and proposals said
     * "Source: HYBRID" with "[RULES MODE_RULES, confidence 9]" next to a 7/10. Now: RULES_FALLBACK (MODE_RULES),
     * one confidence (the rules'), no AI text, and the status says AI answers are not arriving.
     */
    @Test
    void hybridWithTheAnalyzerOnItsRulesSaysRulesFallbackWithWhyAndOneConfidence() {
        desk.modes().change(Mode.HYBRID, Policy.VETO);
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-analyzer-mode-rules.json");
        CoinSnapshot coin = Market.bullish("H6", "10");
        int rulesConfidence = rulesConfidence(coin);
        Decision decision = entry(coin);
        assertEquals(DecisionOutcome.PROPOSED, decision.outcome(), "the analyzer's rules cannot veto: only the model can");
        Proposal proposal = desk.proposals().find(decision.proposalId()).orElseThrow();
        assertEquals("RULES_FALLBACK", proposal.source());
        assertEquals("MODE_RULES", proposal.fallbackReason());
        assertEquals(rulesConfidence, proposal.confidence());
        assertNull(proposal.aiReason());
        var answers = analyzerStatus.aiAnswers();
        assertFalse(answers.arriving());
        assertEquals("MODE_RULES", answers.reason());

        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-enter.json");
        Proposal model = desk.proposals().find(entry(Market.bullish("H7", "10")).proposalId()).orElseThrow();
        assertEquals("RULES+AI", model.source());
        assertFalse(reasonOf(model.id()).contains("confidence"), model.aiReason());
        assertTrue(analyzerStatus.aiAnswers().arriving());
    }

    private static int rulesConfidence(CoinSnapshot coin) {
        return new TradingRules(new RuleThresholds(new BigDecimal("0.2"), new BigDecimal("0.55"), new BigDecimal("1.2"))).evaluate(coin).confidence();
    }

    @Test
    void aiModeRecordsADeclineAndProposesNothing() {
        desk.modes().change(Mode.AI, Policy.VETO);
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-decline.json");
        Decision decision = entry(Market.bullish("A2", "200"));
        assertEquals(DecisionOutcome.AI_DECLINED, decision.outcome());
        assertNull(decision.proposalId());
    }

    @Test
    void hybridAdvisoryLetsTheRulesDecideAndShowsTheAiReason() {
        desk.modes().change(Mode.HYBRID, Policy.ADVISORY);
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-decline.json");
        Decision decision = entry(Market.bullish("H1", "10"));
        assertEquals(DecisionOutcome.PROPOSED, decision.outcome());
        Proposal proposal = desk.proposals().find(decision.proposalId()).orElseThrow();
        assertEquals("RULES", proposal.source(), "in ADVISORY the rules decide; the AI answer is advice");
        assertTrue(reasonOf(proposal.id()).contains("Momentum is fading"));
    }

    @Test
    void hybridVetoBlocksARulesEntryTheAiDeclines() {
        desk.modes().change(Mode.HYBRID, Policy.VETO);
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-decline.json");
        Decision decision = entry(Market.bullish("H2", "10"));
        assertEquals(DecisionOutcome.VETOED, decision.outcome());
        assertNull(decision.proposalId());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> decisions.latest(50).stream()
                .anyMatch(d -> d.coin().equals("H2") && d.aiReason().contains("Momentum is fading")));
    }

    @Test
    void hybridVetoLetsThroughARulesEntryTheAiAccepts() {
        desk.modes().change(Mode.HYBRID, Policy.VETO);
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-enter.json");
        Decision decision = entry(Market.bullish("H3", "10"));
        assertEquals(DecisionOutcome.PROPOSED, decision.outcome());
        Proposal proposal = desk.proposals().find(decision.proposalId()).orElseThrow();
        assertEquals(Policy.VETO, proposal.policy());
        assertEquals("RULES+AI", proposal.source());
        assertEquals(Math.min(rulesConfidence(Market.bullish("H3", "10")), 8), proposal.confidence());
    }

    @Test
    void hybridAgreeNeedsBothAndTakesTheLowerConfidence() {
        desk.modes().change(Mode.HYBRID, Policy.AGREE);
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-decline.json");
        assertEquals(DecisionOutcome.NO_AGREEMENT, entry(Market.bullish("H4", "10")).outcome());

        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-enter.json");
        CoinSnapshot strong = Market.bullish("H5", "10");
        int rulesConfidence = new TradingRules(new RuleThresholds(new BigDecimal("0.2"), new BigDecimal("0.55"), new BigDecimal("1.2")))
                .evaluate(strong).confidence();
        Decision decision = entry(strong);
        assertEquals(DecisionOutcome.PROPOSED, decision.outcome());
        assertEquals(Math.min(rulesConfidence, 8), decision.confidence());
    }

    @Test
    void invalidAnalyzerAnswerFallsBackToRulesLabelled() {
        desk.modes().change(Mode.HYBRID, Policy.VETO);
        Analyzer.answers(analyzer, "/api/analysis/entry", "entry-invalid.json");
        Decision decision = entry(Market.bullish("F1", "10"));
        Proposal proposal = desk.proposals().find(decision.proposalId()).orElseThrow();
        assertEquals("RULES_FALLBACK", proposal.source());
        assertEquals("INVALID_ANSWER", proposal.fallbackReason());
    }

    @Test
    void stopLossClosesAnOpenPositionAtOnceWithARealisedLoss() {
        desk.modes().change(Mode.RULES, Policy.VETO);
        Decision decision = entry(Market.bullish("S1", "100"));
        desk.proposals().confirm(desk.proposals().find(decision.proposalId()).orElseThrow(), null);
        var position = desk.trading().position("S1").orElseThrow();

        CoinSnapshot crashed = Market.flat("S1", "97");
        desk.market().accept(Market.snapshot(crashed));
        Decision stop = desk.engine().checkStops(position, crashed).orElseThrow();

        assertEquals(DecisionOutcome.STOP_LOSS, stop.outcome());
        assertTrue(desk.trading().position("S1").isEmpty());
        var exit = desk.trading().trades(10).stream().filter(f -> f.coin().equals("S1") && f.kind() == ProposalKind.EXIT)
                .findFirst().orElseThrow();
        assertTrue(exit.realizedPnl().signum() < 0, "a stop-loss realises a loss: " + exit.realizedPnl());
        assertEquals(ProposalStatus.AUTO_EXECUTED, desk.proposals().find(stop.proposalId()).orElseThrow().status());
    }

    @Test
    void aStopLossClosingFirstSupersedesThePendingExitProposalAndConfirmingItIs409() {
        desk.modes().change(Mode.RULES, Policy.VETO);
        Decision decision = entry(Market.bullish("SP1", "100"));
        desk.proposals().confirm(desk.proposals().find(decision.proposalId()).orElseThrow(), null);
        CoinSnapshot turned = Market.bearish("SP1", "99.5");
        desk.market().accept(Market.snapshot(turned));
        String exitId = desk.engine().checkExit(desk.trading().position("SP1").orElseThrow(), turned, "scheduled exit check")
                .orElseThrow().proposalId();
        assertEquals(ProposalStatus.PENDING, desk.proposals().find(exitId).orElseThrow().status());

        CoinSnapshot crashed = Market.flat("SP1", "97");
        desk.market().accept(Market.snapshot(crashed));
        Decision stop = desk.engine().checkStops(desk.trading().position("SP1").orElseThrow(), crashed).orElseThrow();

        assertEquals(DecisionOutcome.STOP_LOSS, stop.outcome());
        assertTrue(desk.trading().position("SP1").isEmpty());
        given().get("/api/proposals?status=SUPERSEDED").then().statusCode(200).body("id", hasItem(exitId));
        given().get("/api/proposals/" + exitId).then().statusCode(200).body("status", is("SUPERSEDED"))
                .body("decidedAt", notNullValue());
        given().post("/api/proposals/" + exitId + "/confirm").then().statusCode(409)
                .body("error", containsString("SUPERSEDED"));
        assertEquals(1, desk.trading().trades(50).stream()
                .filter(f -> f.coin().equals("SP1") && f.kind() == ProposalKind.EXIT).count(), "one exit fill only");
    }

    @Test
    void aiExitAnswerCloseBecomesAnExitProposal() {
        desk.modes().change(Mode.RULES, Policy.VETO);
        Decision decision = entry(Market.bullish("X1", "100"));
        desk.proposals().confirm(desk.proposals().find(decision.proposalId()).orElseThrow(), null);
        desk.modes().change(Mode.AI, Policy.VETO);
        Analyzer.answers(analyzer, "/api/analysis/exit", "exit-close.json");

        CoinSnapshot later = Market.flat("X1", "100.5");
        desk.market().accept(Market.snapshot(later));
        Decision exit = desk.engine().checkExit(desk.trading().position("X1").orElseThrow(), later, "scheduled exit check")
                .orElseThrow();

        Proposal proposal = desk.proposals().find(exit.proposalId()).orElseThrow();
        assertEquals(ProposalKind.EXIT, proposal.kind());
        assertEquals("AI", proposal.source());
        assertTrue(reasonOf(proposal.id()).contains("Bids are thinning"));
        analyzer.verify(postRequestedFor(urlEqualTo("/api/analysis/exit"))
                .withRequestBody(matchingJsonPath("$.coin", equalTo("X1")))
                .withRequestBody(matchingJsonPath("$.side", equalTo("LONG"))));
    }

    @Test
    void autoExecutesOnlyAtOrAboveTheMinimumConfidenceWhenConfirmationIsOff() {
        desk.modes().change(Mode.RULES, Policy.VETO);
        desk.proposals().configure(false, 10);
        Decision skipped = entry(Market.bullish("Q1", "100"));
        assertEquals(ProposalStatus.SKIPPED, desk.proposals().find(skipped.proposalId()).orElseThrow().status());
        assertTrue(desk.trading().position("Q1").isEmpty());

        desk.proposals().configure(false, 1);
        Decision executed = entry(Market.bullish("Q2", "100"));
        assertEquals(ProposalStatus.AUTO_EXECUTED, desk.proposals().find(executed.proposalId()).orElseThrow().status());
        assertTrue(desk.trading().position("Q2").isPresent());
    }

    @Test
    void safeModeRefusesModelEntriesAfterTwoModelFailuresInARowAndLiftsWhenTheModelAnswers() {
        RiskLimits d = risk.defaults();
        risk.update(new RiskLimits(d.maxPositionPct(), d.maxOpenPositions(), d.maxGrossExposurePct(),
                d.dailyLossLimitPct(), d.lossCooldownSeconds(), d.maxEntriesPerHour(), 2, d.maxSlippagePct()));
        try {
            desk.modes().change(Mode.AI, Policy.VETO);
            // the analyzer answers two entries from its own rules (MODEL_DOWN): two model failures in a row
            Analyzer.answers(analyzer, "/api/analysis/entry", "entry-analyzer-rules.json");
            assertTrue(entry(Market.bullish("SM0", "100")).outcome() != DecisionOutcome.REFUSED, "one failure is not yet safe mode");
            Decision refused = entry(Market.bullish("SM1", "100"));
            assertEquals(DecisionOutcome.REFUSED, refused.outcome());
            assertEquals("safeMode", refused.refusedBy());
            assertNull(refused.proposalId());
            assertTrue(risk.safeMode().on());

            Analyzer.answers(analyzer, "/api/analysis/entry", "entry-enter.json");
            Decision proposed = entry(Market.bullish("SM2", "100"));
            assertEquals(DecisionOutcome.PROPOSED, proposed.outcome());
            assertEquals("AI", desk.proposals().find(proposed.proposalId()).orElseThrow().source());
            assertTrue(!risk.safeMode().on(), "the model answered: safe mode is off");
        } finally {
            risk.update(d);
            risk.clearSafeMode();
        }
    }

    private Decision entry(CoinSnapshot coin) {
        desk.market().accept(Market.snapshot(coin));
        desk.engine().resetCooldowns();
        return desk.engine().evaluateEntry(coin).orElseThrow();
    }
}
