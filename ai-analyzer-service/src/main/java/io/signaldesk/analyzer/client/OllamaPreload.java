package io.signaldesk.analyzer.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of the preload call: model and keep_alive (seconds) only. */
public record OllamaPreload(String model, @JsonProperty("keep_alive") long keepAlive) {
}
