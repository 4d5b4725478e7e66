package io.signaldesk.analyzer.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.decision.FallbackReason;

/**
 * The decision of an analysis, sent the moment it is known and before its reason: the decision fields
 * (e.g. {@code enter} and {@code confidence}), who decided, how long after the request it was known, and for a model's
 * answer (AI or its CACHE) the prompt it answered, as sent (absent for a rules answer).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisSignal(AnalysisType type, ObjectNode decision, AnalysisSource source, String model,
        FallbackReason fallbackReason, long signalMs, PromptSent prompt) {
}
