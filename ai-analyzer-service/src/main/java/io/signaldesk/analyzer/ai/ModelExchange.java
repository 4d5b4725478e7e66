package io.signaldesk.analyzer.ai;

/**
 * One model call: the raw text, its tokens and how long it took. A whole call carries Ollama's account (tokens evaluated
 * and generated, from its final chunk). A {@code cut} call was stopped before that account (cut after its decision, put
 * back or stopped while writing), which Ollama then never sends: its {@code completionTokens} are the pieces streamed
 * until the cut (Ollama streams one token a piece), its {@code promptTokens} an estimate, the measured prompt read at
 * the model's measured prefill rate (0 when either is unknown).
 */
public record ModelExchange(String model, String text, int promptTokens, int completionTokens, long durationMs,
        boolean cut) {

    /** A call Ollama accounted for in its final chunk. */
    public ModelExchange(String model, String text, int promptTokens, int completionTokens, long durationMs) {
        this(model, text, promptTokens, completionTokens, durationMs, false);
    }
}
