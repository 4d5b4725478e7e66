package io.signaldesk.common.connect;

import java.time.Duration;

/**
 * Exponential backoff with jitter: attempt n waits initial * 2^n, capped at max, then moved by up to
 * +/- jitter of itself so that many clients do not reconnect in lock step.
 */
public record ReconnectBackoff(Duration initial, Duration max, double jitter) {

    public ReconnectBackoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive: " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff must be at least the initial one: " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
        }
    }

    /** @param random a uniform value in [0, 1) */
    public Duration delay(int attempt, double random) {
        long initialMs = initial.toMillis();
        long maxMs = max.toMillis();
        int shift = Math.min(Math.max(attempt, 0), 30);
        long base = initialMs > (maxMs >> shift) ? maxMs : Math.min(maxMs, initialMs << shift);
        double factor = 1 + jitter * (2 * random - 1);
        long jittered = Math.round(base * factor);
        return Duration.ofMillis(Math.max(1, Math.min(maxMs, jittered)));
    }
}
