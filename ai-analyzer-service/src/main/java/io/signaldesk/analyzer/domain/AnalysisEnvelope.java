package io.signaldesk.analyzer.domain;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.decision.FallbackReason;

/**
 * What every analysis answers: the result plus who produced it, how fast (to the decision and to the whole
 * answer), at what token cost, why on a fallback, and whether the model's reason was cut short to free it.
 */
@RegisterForReflection
public record AnalysisEnvelope<R>(
        AnalysisType type,
        R result,
        AnalysisSource source,
        String model,
        long latencyMs,
        int promptTokens,
        int completionTokens,
        FallbackReason fallbackReason,
        boolean reprompted,
        Instant at,
        long signalMs,
        boolean reasonCut) {

    /** Model name reported on answers that came from the rules. */
    public static final String RULES_MODEL = "rules";

    /** The same answer served again from the cache: no tokens spent this time. */
    public AnalysisEnvelope<R> fromCache(long lookupMs) {
        return new AnalysisEnvelope<>(type, result, AnalysisSource.CACHE, model, lookupMs, 0, 0, null, reprompted, at,
                lookupMs, reasonCut);
    }
}
