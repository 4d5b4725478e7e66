package io.signaldesk.analyzer.rest;

import java.util.List;

/**
 * GET /api/ai/models: what Ollama has pulled, which one is in use, and for each the predicted time to an entry
 * decision on this machine (scaled from the rates measured on the model in use; null until measured) with a
 * warning when that misses the deadline.
 */
public record ModelsResponse(String active, List<ModelInfo> models) {

    public record ModelInfo(String name, Long size, String parameterSize, String quantization, String family,
            boolean active, Long predictedSignalMs, String warning) {
    }
}
