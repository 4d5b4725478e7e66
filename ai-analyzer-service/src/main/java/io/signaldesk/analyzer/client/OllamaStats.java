package io.signaldesk.analyzer.client;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One call's account: Ollama's token counts from its final chunk (tokens evaluated, i.e. not in its KV cache,
 * and generated) and the nanoseconds each took. LangChain4j 1.11's Ollama binding drops Ollama's
 * {@code *_duration} fields, so the times are measured as the answer streams: the pieces after the first give the
 * time per output token (the decode), and the time from the request to the first piece, less one token, is the
 * prompt evaluation (queue-free, since the analyzer sends one call at a time; a load, if any, counts in it). The machine's prefill and decode
 * rates come from these.
 */
@RegisterForReflection
public record OllamaStats(String model, String doneReason, int promptEvalCount, long promptEvalNanos, int evalCount,
        long evalNanos, long loadNanos, long totalNanos) {

    /**
     * @param startNanos when the request was sent
     * @param firstPieceNanos when the first piece arrived
     * @param endNanos when the final chunk arrived
     */
    public static OllamaStats of(ChatResponse response, long startNanos, long firstPieceNanos, long endNanos) {
        TokenUsage usage = response.tokenUsage();
        int evaluated = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int output = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        long perToken = output > 1 ? (endNanos - firstPieceNanos) / (output - 1) : 0;
        // the first piece is the prompt evaluation plus the first output token
        return new OllamaStats(response.modelName() == null ? "" : response.modelName(),
                response.finishReason() == FinishReason.LENGTH ? "length" : "stop", evaluated,
                Math.max(0, firstPieceNanos - startNanos - perToken), output, perToken * output, 0, endNanos - startNanos);
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
