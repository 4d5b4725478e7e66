package io.signaldesk.feed.domain;

public enum BookSide {
    BID,
    ASK
}
