package io.signaldesk.analyzer.client;

/** Ollama's HTTP API could not be reached or answered an error. */
public class OllamaUnavailableException extends RuntimeException {

    public OllamaUnavailableException(String url, Throwable cause) {
        super("Ollama unavailable at " + url + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")",
                null, false, false);
    }
}
