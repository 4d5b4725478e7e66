package io.signaldesk.market.venue;

/**
 * A venue frame that cannot be turned into the common model. {@code kind} is a low-cardinality tag
 * (bad_json, missing_field, bad_value, negative_size, unknown_type, unknown_symbol, crossed_book, ...).
 */
public final class VenueParseException extends RuntimeException {

    private final String kind;

    public VenueParseException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public VenueParseException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
