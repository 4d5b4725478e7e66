package io.signaldesk.core.trade;

/** Side of a position or of a trade proposal: LONG gains when the price rises, SHORT when it falls. */
public enum PositionSide {
    LONG,
    SHORT;

    public PositionSide opposite() {
        return this == LONG ? SHORT : LONG;
    }

    /** The direction that opens this side. */
    public Direction direction() {
        return this == LONG ? Direction.LONG : Direction.SHORT;
    }
}
