package io.signaldesk.analyzer.ai;

/** The model answered, but not with something usable; the message says why, fit for a reprompt. */
public class InvalidAnswerException extends RuntimeException {

    public InvalidAnswerException(String problem) {
        super(problem, null, false, false);
    }
}
