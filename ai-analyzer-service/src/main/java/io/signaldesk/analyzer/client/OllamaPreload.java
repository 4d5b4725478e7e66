package io.signaldesk.analyzer.client;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of the preload call: model, keep_alive (seconds) and the load-time options every later call sends
 * (num_ctx): a preload with other options would load a model the first question then reloads.
 */
@RegisterForReflection
public record OllamaPreload(String model, @JsonProperty("keep_alive") long keepAlive, Options options) {

    @RegisterForReflection
    public record Options(@JsonProperty("num_ctx") int numCtx) {
    }
}
