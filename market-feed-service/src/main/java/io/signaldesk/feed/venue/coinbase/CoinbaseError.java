package io.signaldesk.feed.venue.coinbase;

/** {@code {"type":"error","message":"..."}}. */
public record CoinbaseError(String message) implements CoinbaseMessage {

    @Override
    public String type() {
        return "error";
    }

    @Override
    public long sequenceNum() {
        return -1;
    }
}
