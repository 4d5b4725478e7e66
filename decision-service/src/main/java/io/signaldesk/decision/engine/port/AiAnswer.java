package io.signaldesk.decision.engine.port;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What came back from one analyzer call: the result when it answered, else why not
 * (TIMEOUT, CIRCUIT_OPEN, ANALYZER_DOWN, INVALID_ANSWER). {@code source} is the analyzer's own label
 * (AI, CACHE or RULES); {@code prompt} what the model was asked, as sent, when the analyzer said it.
 */
public record AiAnswer<T>(T result, String source, String model, String fallbackReason, String upstreamFallback,
        CompletionStage<String> reasonLater, AnalyzerPort.Prompt prompt) {

    /** Stands in for the reason of a decision acted on before the model finished writing why. */
    public static final String REASON_FOLLOWS = "(reason follows)";

    /**
     * An answer; {@code upstreamFallback} is the analyzer's own fallback reason (e.g. MODEL_DOWN) when it used its
     * rules; {@code reasonLater} completes with the full reason once written (null when it never came).
     */
    public static <T> AiAnswer<T> answered(T result, String source, String model, String upstreamFallback,
            CompletionStage<String> reasonLater) {
        return answered(result, source, model, upstreamFallback, reasonLater, null);
    }

    /** An answer with the prompt the model answered, as sent (null when the analyzer did not say it). */
    public static <T> AiAnswer<T> answered(T result, String source, String model, String upstreamFallback,
            CompletionStage<String> reasonLater, AnalyzerPort.Prompt prompt) {
        return new AiAnswer<>(result, source, model, null, upstreamFallback, reasonLater, prompt);
    }

    public static <T> AiAnswer<T> unavailable(String reason) {
        return new AiAnswer<>(null, null, null, reason, null, CompletableFuture.completedFuture(null), null);
    }

    /** Whether the model answered (directly or from the analyzer's cache of its answers), not the analyzer's rules. */
    public boolean fromModel() {
        return available() && ("AI".equals(source) || "CACHE".equals(source));
    }

    /** Why no model answer: this service's reason (TIMEOUT, ANALYZER_DOWN, ...) or the analyzer's (MODEL_DOWN, MODE_RULES, ...). */
    public String whyNoModel() {
        if (fromModel()) {
            return null;
        }
        return available() ? (upstreamFallback == null ? "ANALYZER_RULES" : upstreamFallback) : fallbackReason;
    }

    /** Who really answered: AI (model or its cache), or ANALYZER_RULES when the analyzer fell back. */
    public String label() {
        return "AI".equals(source) || "CACHE".equals(source) ? "AI" : "ANALYZER_" + source;
    }

    /** The analyzer's source with its own fallback reason, for reasons shown to people. */
    public String sourceDetail() {
        return upstreamFallback == null ? source : source + " " + upstreamFallback;
    }

    public Optional<T> value() {
        return Optional.ofNullable(result);
    }

    public boolean available() {
        return result != null;
    }
}
