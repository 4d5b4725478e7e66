package io.signaldesk.analyzer.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.signaldesk.common.json.KnownFieldsOnly;

/**
 * Body of PUT /api/ai/model: an Ollama model name (as the Modelfile's base takes it), shown on the schema. The pattern
 * alone refuses a blank name, so a blank one breaks one rule and the error names one reason (with a NotBlank beside it,
 * which of the two the error showed depended on the validator's set order).
 */
@KnownFieldsOnly
public record ModelRequest(@NotNull @Size(max = 200) @Pattern(regexp = ModelfileResource.MODEL,
        message = "model must be an Ollama model name of 1-200 letters, digits, '.', '_', ':', '/' or '-'") String model) {
}
