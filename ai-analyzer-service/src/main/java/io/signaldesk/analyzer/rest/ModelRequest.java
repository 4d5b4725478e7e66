package io.signaldesk.analyzer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of PUT /api/ai/model: an Ollama model name (as the Modelfile's base takes it), shown on the schema. */
public record ModelRequest(@NotBlank @Size(max = 200) @Pattern(regexp = ModelfileResource.MODEL,
        message = "model must be an Ollama model name of 1-200 letters, digits, '.', '_', ':', '/' or '-'") String model) {
}
