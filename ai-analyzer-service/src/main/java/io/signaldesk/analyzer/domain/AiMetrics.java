package io.signaldesk.analyzer.domain;

import java.time.Instant;
import java.util.Map;

import io.signaldesk.core.decision.FallbackReason;

/**
 * The product's AIMetrics (totalTokens, totalCalls, avgResponseTimeMs, modelName, sessionTokens,
 * sessionCalls) followed by the rest of the accounting. Calls are model calls answered by Ollama (a
 * reprompt is a second call); tokens are prompt + completion as Ollama counted them. The answers given to callers
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
        long rulesAnswers) {
}
