package io.signaldesk.analyzer.kafka;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One record of an answer on the results topic (keyed by request id): {@code kind} {@code signal} carries the
 * decision fields the moment they are known (the SSE {@code signal} event's data), then {@code done} the whole
 * envelope with the reason (the SSE {@code done} event's data). {@code analyzer} names the instance that served it.
 */
@RegisterForReflection
public record AnalysisResultRecord(String requestId, String kind, String coin, String analyzer, Object data) {

    public static final String SIGNAL = "signal";
    public static final String DONE = "done";
}
