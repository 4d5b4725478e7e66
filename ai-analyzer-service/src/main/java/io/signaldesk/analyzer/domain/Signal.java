package io.signaldesk.analyzer.domain;

/** What to do about it. */
public enum Signal {
    LONG, SHORT, WAIT
}
