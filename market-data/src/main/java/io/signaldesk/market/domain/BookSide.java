package io.signaldesk.market.domain;

public enum BookSide {
    BID,
    ASK
}
