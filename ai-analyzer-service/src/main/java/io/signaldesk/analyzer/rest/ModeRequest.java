package io.signaldesk.analyzer.rest;

import jakarta.validation.constraints.NotNull;

import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.common.json.KnownFieldsOnly;

/** Body of PUT /api/ai/mode. */
@KnownFieldsOnly
public record ModeRequest(@NotNull AiMode mode) {
}
