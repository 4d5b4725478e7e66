package io.signaldesk.analyzer.evaluate;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param models models to compare (default: every model in Ollama's /api/tags)
 * @param replayFile path, on the analyzer's machine, of a market-feed recording (feed.record.file JSON Lines, .gz allowed)
 * @param samples most market snapshots taken from it (default 10)
 * @param everySeconds venue seconds between two snapshots (default 60)
 */
@RegisterForReflection
public record EvaluationRequest(
        @Size(max = 20) List<@NotBlank String> models,
        @NotBlank String replayFile,
        @Min(1) @Max(500) Integer samples,
        @Min(1) @Max(3600) Integer everySeconds) {

    public int samplesOrDefault() {
        return samples == null ? 10 : samples;
    }

    public int everySecondsOrDefault() {
        return everySeconds == null ? 60 : everySeconds;
    }
}
