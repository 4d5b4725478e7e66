package io.signaldesk.analyzer.rest;

/** A request that passed bean validation but makes no sense against the market (e.g. a coin the feed lacks). */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
