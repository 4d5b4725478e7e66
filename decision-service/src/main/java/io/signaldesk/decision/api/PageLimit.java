package io.signaldesk.decision.api;

import jakarta.ws.rs.core.Response;

import io.signaldesk.common.error.ApiError;

/**
 * The {@code limit} of a listing (fills, decisions, proposals): 1 to {@link #MAX}. The resources check it here and
 * their {@code @Parameter} schema shows the same constants.
 */
final class PageLimit {

    static final int MIN = 1;
    static final int MAX = 1000;

    private PageLimit() {
    }

    /** A 400 naming limit when it is out of range, else null. */
    static Response refused(int limit) {
        return limit < MIN || limit > MAX ? ApiError.badRequest("limit", "limit must be " + MIN + "-" + MAX) : null;
    }
}
