package io.signaldesk.analyzer.rest;

import jakarta.validation.constraints.NotNull;

import io.signaldesk.analyzer.domain.AiMode;

/** Body of PUT /api/ai/mode. */
public record ModeRequest(@NotNull AiMode mode) {
}
