package io.signaldesk.common.error;

/** Input that passed bean validation but cannot be served; a 400 naming {@code field}. */
public class BadInputException extends RuntimeException {

    private final String field;

    public BadInputException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
