package io.signaldesk.analyzer.domain;

/** Side of a proposed or open trade. */
public enum TradeSide {
    LONG, SHORT
}
