package io.signaldesk.decision.domain;

/** Direction of a position. */
public enum Side {
    LONG, SHORT
}
