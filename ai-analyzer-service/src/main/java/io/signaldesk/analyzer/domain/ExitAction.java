package io.signaldesk.analyzer.domain;

/** What to do with an open position. */
public enum ExitAction {
    HOLD, CLOSE
}
