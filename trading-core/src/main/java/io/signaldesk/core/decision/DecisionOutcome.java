package io.signaldesk.core.decision;

/** What came of one decision of the engine (stored with it, shown on the dashboard). */
public enum DecisionOutcome {
    /** A proposal was made (pending confirmation or executed on its own). */
    PROPOSED,
    /** HYBRID VETO: the model said no to the rules' trade. */
    VETOED,
    /** HYBRID AGREE: rules and model (or sentiment) did not agree. */
    NO_AGREEMENT,
    /** AI mode: the model declined the entry. */
    AI_DECLINED,
    /** AI mode without a model answer and without a rules trade to fall back on. */
    AI_UNAVAILABLE,
    /** The stop-loss was hit and the position closed. */
    STOP_LOSS,
    /** The take-profit was hit and the position closed. */
    TAKE_PROFIT,
    /** A stop or target was hit but its exit could not be executed. */
    CANCELLED,
    /** An exit check kept the position. */
    HOLD,
    /** A risk limit refused the entry. */
    REFUSED,
    /** The entry size rounds to nothing at the current equity and price. */
    TOO_SMALL,
    /** The edge gate stopped the entry: its setup has no measured edge after costs (a WAIT; the figures in the reason). */
    NO_EDGE
}
