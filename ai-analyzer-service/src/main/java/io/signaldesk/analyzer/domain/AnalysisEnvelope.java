package io.signaldesk.analyzer.domain;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What every analysis answers: the result plus who produced it, how fast, at what token cost and why on a fallback. */
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
        Instant at) {

    /** Model name reported on answers that came from the rules. */
    public static final String RULES_MODEL = "rules";

    /** The same answer served again from the cache: no tokens spent this time. */
    public AnalysisEnvelope<R> fromCache(long lookupMs) {
        return new AnalysisEnvelope<>(type, result, AnalysisSource.CACHE, model, lookupMs, 0, 0, null, reprompted, at);
    }
}
