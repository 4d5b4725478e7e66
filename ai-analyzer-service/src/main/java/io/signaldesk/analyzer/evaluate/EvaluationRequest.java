package io.signaldesk.analyzer.evaluate;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param models models to compare (default: every model in Ollama's /api/tags)
 * @param replayFile name, relative to the data directory (SIGNAL_DATA_DIR), of a market-feed recording
 *        (feed.record.file JSON Lines, .jsonl or .jsonl.gz); or
 * @param replay the recording's JSON Lines themselves (up to 1 MiB)
 * @param samples most market snapshots taken from it (default 10)
 * @param everySeconds venue seconds between two snapshots (default 60)
 */
@RegisterForReflection
public record EvaluationRequest(
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> models,
        @Size(max = 200) String replayFile,
        @Size(max = MAX_INLINE_REPLAY) String replay,
        @Min(1) @Max(500) Integer samples,
        @Min(1) @Max(3600) Integer everySeconds) {

    /** Longest recording sent inline, in characters. */
    public static final int MAX_INLINE_REPLAY = 1024 * 1024;

    public int samplesOrDefault() {
        return samples == null ? 10 : samples;
    }

    public int everySecondsOrDefault() {
        return everySeconds == null ? 60 : everySeconds;
    }
}
