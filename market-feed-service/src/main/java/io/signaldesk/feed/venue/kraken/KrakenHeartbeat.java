package io.signaldesk.feed.venue.kraken;

/** {@code {"channel":"heartbeat"}}: sent about once a second while subscribed; keeps the stream fresh. */
public record KrakenHeartbeat() implements KrakenMessage {

    @Override
    public String type() {
        return "heartbeat";
    }
}
