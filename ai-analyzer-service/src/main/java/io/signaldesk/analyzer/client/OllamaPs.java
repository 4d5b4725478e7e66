package io.signaldesk.analyzer.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Ollama's GET /api/ps answer: the models loaded now, with the memory each takes (bytes; {@code sizeVram} on the GPU). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OllamaPs(List<Loaded> models) {

    public OllamaPs {
        models = models == null ? List.of() : List.copyOf(models);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Loaded(String name, String model, Long size, @JsonProperty("size_vram") Long sizeVram) {
    }
}
