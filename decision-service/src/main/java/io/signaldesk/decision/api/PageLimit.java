package io.signaldesk.decision.api;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.error.Shorten;

/**
 * The {@code limit} of a listing (fills, decisions, proposals): a whole number from {@link #MIN} to {@link #MAX}. The
 * resources read it here and their {@code @Parameter} schema shows the same constants. Read as text, so that "abc" or
 * "2.5" is a 400 naming limit rather than the 404 a failed JAX-RS conversion answers.
 */
final class PageLimit {

    static final int MIN = 1;
    static final int MAX = 1000;

    private PageLimit() {
    }

    /** The limit given, {@code fallback} when absent; a {@link BadInputException} naming limit when not in range. */
    static int of(String raw, int fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= MIN && limit <= MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like a number out of range
        }
        throw new BadInputException("limit", "limit must be a whole number from " + MIN + " to " + MAX + ", got '"
                + Shorten.text(raw) + "'");
    }
}
