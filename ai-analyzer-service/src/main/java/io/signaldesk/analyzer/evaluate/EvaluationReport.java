package io.signaldesk.analyzer.evaluate;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What an evaluation measured, per model, with the same figures as a Markdown table. */
@RegisterForReflection
public record EvaluationReport(Instant generatedAt, String ollamaUrl, String replayFile, int samples,
        List<ModelScore> models, String markdown) {
}
