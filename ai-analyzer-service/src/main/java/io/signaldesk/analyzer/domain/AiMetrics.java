package io.signaldesk.analyzer.domain;

import java.time.Instant;
import java.util.Map;

import io.signaldesk.core.decision.FallbackReason;

/**
 * The product's AIMetrics (totalTokens, totalCalls, avgResponseTimeMs, modelName, sessionTokens,
 * sessionCalls) followed by the rest of the accounting. Calls are model calls (a reprompt is a second call); tokens
 * are prompt + completion as Ollama counted them in a call's final chunk, and for the calls cut before it
 * ({@code cutCalls}: cut after their decision for a more urgent question, put back or stopped while writing) what
 * the analyzer measured itself: {@code cutCompletionTokensStreamed}, the tokens streamed until the cut, and
 * {@code cutPromptTokensEstimated}, the prompt read's measured time at the model's measured prefill rate; the
 * totals, session figures, averages and tokens per second include them. The answers given to callers
 * are counted apart by source: {@code modelAnswers} from a model call, {@code cacheAnswers} a cached model answer
 * served again (no call, no token), {@code rulesAnswers} the rules (the fallbacks and RULES mode).
 */
public record AiMetrics(
        long totalTokens,
        long totalCalls,
        double avgResponseTimeMs,
        String modelName,
        long sessionTokens,
        long sessionCalls,
        long totalPromptTokens,
        long totalCompletionTokens,
        long sessionPromptTokens,
        long sessionCompletionTokens,
        double sessionAvgResponseTimeMs,
        double p95ResponseTimeMs,
        double tokensPerSecond,
        long failedCalls,
        Map<FallbackReason, Long> fallbacks,
        long cacheHits,
        long cacheMisses,
        double cacheHitRatio,
        long deadlineMisses,
        Instant sessionStartedAt,
        long modelAnswers,
        long cacheAnswers,
        long rulesAnswers,
        long cutCalls,
        long cutPromptTokensEstimated,
        long cutCompletionTokensStreamed) {
}
