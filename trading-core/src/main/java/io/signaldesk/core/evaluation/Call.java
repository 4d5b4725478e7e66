package io.signaldesk.core.evaluation;

import java.time.Instant;
import java.util.Objects;

import io.signaldesk.core.trade.Direction;

/**
 * One scored call: who made it ({@code source}, {@code confidence} 1-10), what it said, when, the move over the
 * horizon in percent and what the market did by the flat band ({@code actual}: LONG, SHORT or WAIT within the band).
 */
public record Call(String coin, String source, Direction direction, int confidence, Instant at, double movePct,
        Direction actual) {

    public Call {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(at, "at");
    }

    /** A LONG or SHORT call whose move passed the flat band: the calls direction accuracy counts. */
    public boolean directional() {
        return direction != Direction.WAIT && actual != Direction.WAIT;
    }

    public boolean hit() {
        return direction == actual;
    }
}
