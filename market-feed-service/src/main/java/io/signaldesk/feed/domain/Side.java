package io.signaldesk.feed.domain;

/** Aggressor (taker) side of a trade: BUY lifted an ask, SELL hit a bid. */
public enum Side {
    BUY,
    SELL
}
