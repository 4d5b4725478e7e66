package io.signaldesk.analyzer.client;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Ollama's own account of one call, from its final chunk: tokens evaluated (those not in its KV cache) and
 * generated, and the nanoseconds each took. The machine's real prefill and decode rates come from these.
 */
@RegisterForReflection
public record OllamaStats(String model, String doneReason, int promptEvalCount, long promptEvalNanos, int evalCount,
        long evalNanos, long loadNanos, long totalNanos) {

    public static OllamaStats of(JsonNode last) {
        return new OllamaStats(last.path("model").asText(""), last.path("done_reason").asText("stop"),
                last.path("prompt_eval_count").asInt(0), last.path("prompt_eval_duration").asLong(0),
                last.path("eval_count").asInt(0), last.path("eval_duration").asLong(0),
                last.path("load_duration").asLong(0), last.path("total_duration").asLong(0));
    }

    /** Ollama stopped at num_predict: a structured answer is then cut. */
    public boolean cutAtLimit() {
        return "length".equals(doneReason);
    }

    /** Prompt tokens per second, or 0 when too little was evaluated to say. */
    public double prefillRate() {
        return promptEvalCount >= 8 && promptEvalNanos > 0 ? promptEvalCount * 1e9 / promptEvalNanos : 0;
    }

    /** Output tokens per second, or 0 when too little was generated to say. */
    public double decodeRate() {
        return evalCount >= 4 && evalNanos > 0 ? evalCount * 1e9 / evalNanos : 0;
    }
}
