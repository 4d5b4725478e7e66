package io.signaldesk.core.trade;

import java.util.Optional;

/** What a signal says to do: go long, go short or wait. */
public enum Direction {
    LONG,
    SHORT,
    WAIT;

    /** The side this direction opens; empty for WAIT. */
    public Optional<PositionSide> side() {
        return switch (this) {
            case LONG -> Optional.of(PositionSide.LONG);
            case SHORT -> Optional.of(PositionSide.SHORT);
            case WAIT -> Optional.empty();
        };
    }
}
