package io.signaldesk.analyzer.rest;

import io.signaldesk.analyzer.domain.AiMode;

/** GET /api/ai/status: the product's UI line and its figures. */
public record StatusResponse(String line, AiMode mode, String model, boolean ollamaReachable, long totalTokens,
        long totalCalls, double avgResponseTimeMs) {
}
