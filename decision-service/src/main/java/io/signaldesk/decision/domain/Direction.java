package io.signaldesk.decision.domain;

/** What a signal says to do: go long, go short or wait. */
public enum Direction {
    LONG, SHORT, WAIT
}
