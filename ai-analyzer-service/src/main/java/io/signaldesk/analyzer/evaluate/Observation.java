package io.signaldesk.analyzer.evaluate;

import java.math.BigDecimal;

import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.core.decision.FallbackReason;
import io.signaldesk.core.trade.Direction;

/**
 * One analysis asked of one model during an evaluation.
 *
 * @param elapsedMs wall time of the analysis, reprompt included
 * @param modelMs time of the model calls that answered (what tokens/s is measured over)
 * @param validFirst the first answer was usable as it was (no reprompt, no fallback)
 * @param fallback why the rules would have answered; null when the model's answer was used
 * @param signal the sentiment's signal (sentiment only, null otherwise or on fallback)
 * @param move1mPct realised move of the signal's coin 1 min later, null when unknown
 * @param move5mPct realised move of the signal's coin 5 min later, null when unknown
 * @param confidence the sentiment's stated confidence 1-10 (sentiment only, 0 otherwise)
 */
public record Observation(AnalysisType type, long elapsedMs, long modelMs, int completionTokens, boolean validFirst,
        boolean reprompted, FallbackReason fallback, Direction signal, BigDecimal move1mPct, BigDecimal move5mPct,
        int confidence) {
}
