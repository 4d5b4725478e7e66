package io.signaldesk.feed.rest;

import java.util.Optional;

import io.signaldesk.common.error.ApiError;

/** Parses an optional integer query parameter that must lie in a range. */
record BoundedParam(String name, int min, int max, int defaultValue) {

    /** The value, or the error naming the parameter. */
    Result parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Result(defaultValue, Optional.empty());
        }
        try {
            int value = Integer.parseInt(raw.strip()); // strip, not trim: a NUL is not blank
            if (value >= min && value <= max) {
                return new Result(value, Optional.empty());
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        return new Result(defaultValue, Optional.of(new ApiError(
                name + " must be an integer between " + min + " and " + max + ", got '" + shorten(raw) + "'", name)));
    }

    /** What an error may echo of a caller's value: 40 characters, control characters as '?'. */
    static String shorten(String raw) {
        String printable = raw.codePoints().limit(41).map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    /** This parameter's bounds in the OpenAPI document: an integer from min to max, its default when absent. */
    org.eclipse.microprofile.openapi.models.media.Schema schema() {
        return org.eclipse.microprofile.openapi.OASFactory.createSchema()
                .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)
                .minimum(java.math.BigDecimal.valueOf(min)).maximum(java.math.BigDecimal.valueOf(max))
                .defaultValue(defaultValue);
    }

    record Result(int value, Optional<ApiError> error) {
    }
}
