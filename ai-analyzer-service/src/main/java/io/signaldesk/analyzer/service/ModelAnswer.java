package io.signaldesk.analyzer.service;

/**
 * A checked answer of the model, with the tokens of every call it took (one, or two with the reprompt), whether
 * its reason was cut short, and the last call's reply (times and Ollama's statistics).
 */
public record ModelAnswer<R>(R result, String model, int promptTokens, int completionTokens, boolean reprompted,
        boolean reasonCut, ModelReply reply) {
}
