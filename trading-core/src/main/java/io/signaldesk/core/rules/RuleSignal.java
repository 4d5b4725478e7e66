package io.signaldesk.core.rules;

import io.signaldesk.core.trade.Direction;

/** What the rules see in one coin: a direction, a confidence 1-10 and the facts behind it. */
public record RuleSignal(Direction direction, int confidence, String reason) {

    /** The confidence of a WAIT. */
    public static final int WAIT_CONFIDENCE = 5;
}
