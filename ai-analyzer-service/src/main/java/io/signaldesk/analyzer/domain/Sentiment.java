package io.signaldesk.analyzer.domain;

/** Market direction. */
public enum Sentiment {
    BULLISH, BEARISH, NEUTRAL
}
