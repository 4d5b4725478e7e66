package io.signaldesk.analyzer.service;

/** The model answered twice (answer and reprompt) without a usable result. */
public class InvalidModelOutputException extends RuntimeException {

    private final int promptTokens;
    private final int completionTokens;

    public InvalidModelOutputException(String problem, int promptTokens, int completionTokens) {
        super(problem, null, false, false);
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
    }

    public int promptTokens() {
        return promptTokens;
    }

    public int completionTokens() {
        return completionTokens;
    }
}
