package io.signaldesk.analyzer.service;

import java.time.Instant;

import io.signaldesk.analyzer.ai.ModelExchange;

/** Running sums of model calls since {@link #startedAt()}, whole and cut ({@link ModelExchange#cut()}). */
final class CallTally {

    private final Instant startedAt = Instant.now();
    private long calls;
    private long promptTokens;
    private long completionTokens;
    private long durationMs;
    private long cutCalls;
    private long cutPromptTokens;
    private long cutCompletionTokens;

    synchronized void add(ModelExchange exchange) {
        calls++;
        promptTokens += exchange.promptTokens();
        completionTokens += exchange.completionTokens();
        durationMs += exchange.durationMs();
        if (exchange.cut()) {
            cutCalls++;
            cutPromptTokens += exchange.promptTokens();
            cutCompletionTokens += exchange.completionTokens();
        }
    }

    /** Calls stopped before Ollama's final account ({@link ModelExchange#cut()}), counted in {@link #calls()}. */
    synchronized long cutCalls() {
        return cutCalls;
    }

    /** Their prompt tokens, estimated from the measured read (in {@link #promptTokens()}). */
    synchronized long cutPromptTokens() {
        return cutPromptTokens;
    }

    /** Their output tokens, as streamed until the cut (in {@link #completionTokens()}). */
    synchronized long cutCompletionTokens() {
        return cutCompletionTokens;
    }

    synchronized long calls() {
        return calls;
    }

    synchronized long promptTokens() {
        return promptTokens;
    }

    synchronized long completionTokens() {
        return completionTokens;
    }

    synchronized long tokens() {
        return promptTokens + completionTokens;
    }

    synchronized double avgDurationMs() {
        return calls == 0 ? 0.0 : (double) durationMs / calls;
    }

    /**
     * Completion tokens per second of model time. Ollama's eval_duration would be more exact, but the
     * langchain4j 1.11 Ollama client behind quarkus-langchain4j 1.7.4 drops the durations of the response.
     */
    synchronized double tokensPerSecond() {
        return durationMs == 0 ? 0.0 : completionTokens * 1000.0 / durationMs;
    }

    Instant startedAt() {
        return startedAt;
    }
}
