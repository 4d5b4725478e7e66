package io.signaldesk.decision.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.decision.FallbackReason;
import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.engine.DecisionEngine;

/**
 * The decision log in words: for every row who decided and what they said ("model: do not enter the LONG, 9/10" for
 * a vetoed entry, "edge gate: no measured edge" for a stopped one), so a veto never reads as its opposite.
 */
public final class DecisionLines {

    /** A decision as the API and the dashboard show it: its fields and {@code said}, the line above. */
    @RegisterForReflection
    public record DecisionView(@JsonUnwrapped Decision decision, String said) {
    }

    private DecisionLines() {
    }

    public static List<DecisionView> view(List<Decision> decisions) {
        return decisions.stream().map(d -> new DecisionView(d, said(d))).toList();
    }

    /** Who decided and what they said, in one line. */
    public static String said(Decision d) {
        boolean entry = d.kind() == ProposalKind.ENTRY;
        String side = d.direction() == null || d.direction() == Direction.WAIT ? "" : d.direction() + " ";
        String conf = d.confidence() == null ? "" : ", " + d.confidence() + "/10";
        String trade = entry ? ("enter " + side).trim() : "close the " + side + "position";
        if (d.outcome() == null) {
            return who(d) + ": " + trade + conf;
        }
        return switch (d.outcome()) {
            case PROPOSED -> who(d) + ": " + trade + conf
                    + (d.edgeVerdict() == EdgeVerdict.UNPROVEN ? " · unproven (no measured edge)" : "")
                    + (d.edgeVerdict() == EdgeVerdict.UNGATED ? " · unproven (no measured edge, edge gate off)" : "")
                    + (d.resizedBy() != null ? " · size cut by " + d.resizedBy() : "");
            case VETOED -> "model: " + (entry ? "do not enter" : "keep the position") + conf + " (vetoed the rules' "
                    + (entry ? side.trim() + " entry" : "exit") + ")";
            case AI_DECLINED -> "model: " + (entry ? ("do not enter " + side).trim() : "keep the position") + conf;
            case NO_AGREEMENT -> "rules and model did not agree" + conf + ": " + (entry ? "no entry" : "position kept");
            case AI_UNAVAILABLE -> "no model answer" + (d.fallbackReason() == null ? "" : " (" + FallbackReason.words(d.fallbackReason()) + ")")
                    + " and no rules trade: nothing done";
            case STOP_LOSS -> "stop-loss: the " + side + "position closed";
            case TAKE_PROFIT -> "take-profit: the " + side + "position closed";
            case CANCELLED -> "stop or target hit, but the exit could not be filled: the " + side + "position stays open";
            case HOLD -> who(d) + ": keep the " + side + "position" + conf;
            case REFUSED -> DecisionEngine.POSITION_OF_ANOTHER_MARKET.equals(d.refusedBy())
                    ? "no entry: the open " + side + "position is of another market (not marked or stopped here; write it off)"
                    : "risk limit " + (d.refusedBy() == null ? "" : d.refusedBy() + " ") + "refused the " + side
                    + (entry ? "entry" : "exit") + " (" + who(d) + conf + ")";
            case TOO_SMALL -> "no entry: the " + side + "size rounds to nothing at this equity and price";
            case NO_EDGE -> "edge gate: " + EdgeGate.NO_EDGE + ", no entry (" + who(d) + " wanted " + wanted(d) + conf + ")";
        };
    }

    /** The side a stopped entry wanted (its typed field; a row the ledger could not tell: "an entry"). */
    private static String wanted(Decision d) {
        return d.wanted() == null || d.wanted() == Direction.WAIT ? "an entry" : d.wanted().name();
    }

    private static String who(Decision d) {
        if (d.source() == null) {
            return "engine";
        }
        return switch (d.source()) {
            case RULES -> "rules";
            case AI -> "model";
            case RULES_AND_AI -> "rules and model";
            case RULES_FALLBACK -> "rules (no model answer" + (d.fallbackReason() == null ? "" : ": " + FallbackReason.words(d.fallbackReason())) + ")";
            case OPERATOR -> "operator";
        };
    }
}
