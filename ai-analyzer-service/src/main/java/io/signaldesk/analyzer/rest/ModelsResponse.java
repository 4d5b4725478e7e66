package io.signaldesk.analyzer.rest;

import java.util.List;

/** GET /api/ai/models: what Ollama has pulled, and which one is in use. */
public record ModelsResponse(String active, List<ModelInfo> models) {

    public record ModelInfo(String name, Long size, String parameterSize, String quantization, String family,
            boolean active) {
    }
}
