package io.signaldesk.analyzer.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signaldesk.analyzer.client.OllamaStats;

/**
 * What one model call produced: the text, its decision fields as the stream read them (null when the answer
 * stopped before them), Ollama's statistics (null when the call was cut before its final
 * chunk), whether the reason was cut short to free the model, and the times of the call in milliseconds.
 */
public record ModelReply(String text, ObjectNode decision, String reason, OllamaStats stats, boolean reasonCut, long queueWaitMs,
        long signalMs, long totalMs, int tokensToSignal) {
}
