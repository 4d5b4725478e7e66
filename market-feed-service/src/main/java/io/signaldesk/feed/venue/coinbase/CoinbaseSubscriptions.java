package io.signaldesk.feed.venue.coinbase;

/** {@code subscriptions} channel: acknowledges the current subscriptions. */
public record CoinbaseSubscriptions(long sequenceNum) implements CoinbaseMessage {

    @Override
    public String type() {
        return "subscriptions";
    }
}
