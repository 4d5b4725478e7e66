package io.signaldesk.analyzer.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Ollama's GET /api/tags answer: the models pulled locally. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OllamaTags(List<Model> models) {

    public OllamaTags {
        models = models == null ? List.of() : List.copyOf(models);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Model(String name, String model, Long size, String digest, Details details) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(String format, String family, @JsonProperty("parameter_size") String parameterSize,
            @JsonProperty("quantization_level") String quantizationLevel) {
    }
}
