package io.signaldesk.feed.rest;

import java.util.Optional;

import io.signaldesk.feed.api.ApiError;

/** Parses an optional integer query parameter that must lie in a range. */
record BoundedParam(String name, int min, int max, int defaultValue) {

    /** The value, or the error naming the parameter. */
    Result parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Result(defaultValue, Optional.empty());
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return new Result(value, Optional.empty());
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        return new Result(defaultValue, Optional.of(new ApiError(
                name + " must be an integer between " + min + " and " + max + ", got '" + raw + "'", name)));
    }

    record Result(int value, Optional<ApiError> error) {
    }
}
