package io.signaldesk.analyzer.client;

/** A model call that Ollama refused or broke off (HTTP error, cut stream, connection lost). */
public class OllamaCallException extends RuntimeException {

    public OllamaCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
