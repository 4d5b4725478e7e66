package io.signaldesk.decision.client;

import java.util.Optional;

/**
 * What came back from one analyzer call: the result when it answered, else why not
 * (TIMEOUT, CIRCUIT_OPEN, ANALYZER_DOWN, INVALID_ANSWER). {@code source} is the analyzer's own label.
 */
public record AiAnswer<T>(T result, String source, String model, String fallbackReason) {

    public static <T> AiAnswer<T> answered(T result, String source, String model) {
        return new AiAnswer<>(result, source, model, null);
    }

    public static <T> AiAnswer<T> unavailable(String reason) {
        return new AiAnswer<>(null, null, null, reason);
    }

    public Optional<T> value() {
        return Optional.ofNullable(result);
    }

    public boolean available() {
        return result != null;
    }
}
