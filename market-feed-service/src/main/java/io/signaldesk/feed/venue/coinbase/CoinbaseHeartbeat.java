package io.signaldesk.feed.venue.coinbase;

/** {@code heartbeats} channel: one a second, keeps quiet products' connections open. */
public record CoinbaseHeartbeat(long sequenceNum, long counter) implements CoinbaseMessage {

    @Override
    public String type() {
        return "heartbeats";
    }
}
