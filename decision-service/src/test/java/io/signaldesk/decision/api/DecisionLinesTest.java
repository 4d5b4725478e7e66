package io.signaldesk.decision.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;

/** The decision log says who decided and what they said, so a veto never reads as its opposite. */
class DecisionLinesTest {

    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");
    private static final String RULES_SHORT = "SHORT: momentum -0.41%, bids 31% of book, buy/sell volume 0.8/2.9";

    @Test
    void aVetoedEntrySaysTheModelSaidDoNotEnter() {
        // as logged by the engine in HYBRID VETO: source AI, the model's confidence, the model's reason for its no
        Decision veto = decision(ProposalKind.ENTRY, DecisionOutcome.VETOED, DecisionSource.AI, Direction.SHORT, 9,
                RULES_SHORT, "[AI] Selling pressure is strong but the book is thin", null, null);
        assertEquals("model: do not enter, 9/10 (vetoed the rules' SHORT entry)", DecisionLines.said(veto));
    }

    @Test
    void anEntryTheEdgeGateStoppedSaysNoMeasuredEdgeAndWhatTheRulesWanted() {
        Decision stopped = stopped(DecisionSource.RULES, RULES_SHORT + " | no measured edge: 12 of 30 scored calls",
                Direction.SHORT);
        assertEquals("edge gate: no measured edge, no entry (rules wanted SHORT, 6/10)", DecisionLines.said(stopped));
    }

    @Test
    void theWantedSideIsTheDecisionsFieldNeverAWordOfItsReason() {
        // AI mode on the sentiment's call: no rules' reason, the side is still said
        assertEquals("edge gate: no measured edge, no entry (model wanted LONG, 6/10)", DecisionLines.said(
                stopped(DecisionSource.AI, "no measured edge: BTC LONG, ai, confidence 1-10, calm market: none proven", Direction.LONG)));
        // a reason that starts with a side does not stand in for the field
        assertEquals("edge gate: no measured edge, no entry (rules wanted an entry, 6/10)", DecisionLines.said(
                stopped(DecisionSource.RULES, RULES_SHORT + " | no measured edge", null)));
    }

    private static Decision stopped(DecisionSource source, String ruleReason, Direction wanted) {
        return new Decision(1, AT, AT, "BTC", ProposalKind.ENTRY, DecisionOutcome.NO_EDGE, Mode.HYBRID, Policy.VETO, source,
                Direction.WAIT, 6, ruleReason, null, null, null, null, null, EdgeVerdict.NO_EDGE, wanted);
    }

    @Test
    void proposalsSayWhoProposedAndAFallbackSaysWhyTheRulesDecided() {
        assertEquals("rules and model: enter LONG, 6/10", DecisionLines.said(decision(ProposalKind.ENTRY,
                DecisionOutcome.PROPOSED, DecisionSource.RULES_AND_AI, Direction.LONG, 6, "LONG: momentum 0.35%", null, null, null)));
        assertEquals("rules (no model answer: TIMEOUT): enter SHORT, 7/10 · unproven (no measured edge)",
                DecisionLines.said(decision(ProposalKind.ENTRY, DecisionOutcome.PROPOSED, DecisionSource.RULES_FALLBACK,
                        Direction.SHORT, 7, RULES_SHORT + " | unproven (no measured edge): 3 of 30", null, "TIMEOUT", null,
                        EdgeVerdict.UNPROVEN)));
        // with the gate off the same entry is proposed UNGATED: still without a measured edge, and said so
        assertEquals("rules: enter SHORT, 7/10 · unproven (no measured edge, edge gate off)",
                DecisionLines.said(decision(ProposalKind.ENTRY, DecisionOutcome.PROPOSED, DecisionSource.RULES,
                        Direction.SHORT, 7, RULES_SHORT, null, null, null, EdgeVerdict.UNGATED)));
        // the verdict is the field, never a word in a reason: a proven entry whose text says "unproven" is not marked
        assertEquals("rules: enter SHORT, 7/10", DecisionLines.said(decision(ProposalKind.ENTRY, DecisionOutcome.PROPOSED,
                DecisionSource.RULES, Direction.SHORT, 7, RULES_SHORT + " (unproven breakout)", null, null, null,
                EdgeVerdict.PROVEN)));
        assertEquals("model: close the LONG position, 8/10", DecisionLines.said(decision(ProposalKind.EXIT,
                DecisionOutcome.PROPOSED, DecisionSource.AI, Direction.LONG, 8, null, "[AI] momentum turned", null, null)));
    }

    @Test
    void anAnalyzerForcedToRulesIsSaidInWordsNotAsItsCode() {
        assertEquals("rules (no model answer: the analyzer is forced to rules by an operator (MODE_RULES)): enter LONG, 6/10",
                DecisionLines.said(decision(ProposalKind.ENTRY, DecisionOutcome.PROPOSED, DecisionSource.RULES_FALLBACK,
                        Direction.LONG, 6, "LONG: momentum 0.35%", null, "MODE_RULES", null)));
        assertEquals("no model answer (the analyzer is forced to rules by an operator (MODE_RULES)) and no rules trade: nothing done",
                DecisionLines.said(decision(ProposalKind.ENTRY, DecisionOutcome.AI_UNAVAILABLE, DecisionSource.RULES_FALLBACK,
                        Direction.LONG, 6, null, null, "MODE_RULES", null)));
        // safe mode's cause: the operator's switch named, any other failure as it was
        assertEquals("RULES MODE_RULES: the analyzer is forced to rules by an operator",
                io.signaldesk.core.decision.FallbackReason.failure("RULES MODE_RULES"));
        assertEquals("RULES MODEL_DOWN", io.signaldesk.core.decision.FallbackReason.failure("RULES MODEL_DOWN"));
    }

    @Test
    void aRefusalNamesTheLimitAndAnExitVetoKeepsThePosition() {
        assertEquals("risk limit maxOpenPositions refused the LONG entry (rules, 6/10)", DecisionLines.said(decision(
                ProposalKind.ENTRY, DecisionOutcome.REFUSED, DecisionSource.RULES, Direction.LONG, 6, "LONG: momentum 0.35%",
                null, null, "maxOpenPositions")));
        assertEquals("model: keep the position, 4/10 (vetoed the rules' exit)", DecisionLines.said(decision(
                ProposalKind.EXIT, DecisionOutcome.VETOED, DecisionSource.AI, Direction.LONG, 4, "rules turned SHORT",
                "[AI] still trending", null, null)));
        assertEquals("stop-loss: the LONG position closed", DecisionLines.said(decision(ProposalKind.EXIT,
                DecisionOutcome.STOP_LOSS, DecisionSource.RULES, Direction.LONG, 10, "STOP_LOSS hit", null, null, null)));
    }

    private static Decision decision(ProposalKind kind, DecisionOutcome outcome, DecisionSource source,
            Direction direction, Integer confidence, String ruleReason, String aiReason, String fallbackReason,
            String refusedBy) {
        return decision(kind, outcome, source, direction, confidence, ruleReason, aiReason, fallbackReason, refusedBy, null);
    }

    private static Decision decision(ProposalKind kind, DecisionOutcome outcome, DecisionSource source,
            Direction direction, Integer confidence, String ruleReason, String aiReason, String fallbackReason,
            String refusedBy, EdgeVerdict edge) {
        return new Decision(1, AT, AT, "BTC", kind, outcome, Mode.HYBRID, Policy.VETO, source, direction, confidence,
                ruleReason, aiReason, fallbackReason, null, refusedBy, null, edge);
    }
}
