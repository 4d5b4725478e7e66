package io.signaldesk.analyzer.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the preload call: model, keep_alive (seconds) and the load-time options every later call sends
 * (num_ctx): a preload with other options would load a model the first question then reloads.
 */
public record OllamaPreload(String model, @JsonProperty("keep_alive") long keepAlive, Options options) {

    public record Options(@JsonProperty("num_ctx") int numCtx) {
    }
}
