package io.signaldesk.analyzer.ai;

/** One answered call to the model: the raw text, the tokens Ollama counted and how long it took. */
public record ModelExchange(String model, String text, int promptTokens, int completionTokens, long durationMs) {
}
