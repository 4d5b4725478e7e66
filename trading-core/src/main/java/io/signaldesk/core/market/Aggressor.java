package io.signaldesk.core.market;

/** Aggressor (taker) side of a trade: BUY lifted an ask, SELL hit a bid. Not a position's side ({@code PositionSide}). */
public enum Aggressor {
    BUY,
    SELL
}
