package io.signaldesk.analyzer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of PUT /api/ai/model. */
public record ModelRequest(@NotBlank @Size(max = 200) String model) {
}
