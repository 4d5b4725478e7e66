package io.signaldesk.core.exit;

import io.signaldesk.core.decision.DecisionOutcome;

/** A price level that closes a position at once, whatever the mode. */
public enum ExitTrigger {
    STOP_LOSS,
    TAKE_PROFIT;

    /** The decision outcome when this trigger closed the position. */
    public DecisionOutcome outcome() {
        return this == STOP_LOSS ? DecisionOutcome.STOP_LOSS : DecisionOutcome.TAKE_PROFIT;
    }
}
