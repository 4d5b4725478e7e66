package io.signaldesk.analyzer.service;

/** A checked answer of the model, with the tokens of every call it took (one, or two with the reprompt). */
public record ModelAnswer<R>(R result, String model, int promptTokens, int completionTokens, boolean reprompted) {
}
