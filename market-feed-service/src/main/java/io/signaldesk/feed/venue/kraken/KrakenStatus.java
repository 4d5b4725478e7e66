package io.signaldesk.feed.venue.kraken;

/** {@code {"channel":"status","data":[{"system":"online",...}]}}: engine state, first frame after connect. */
public record KrakenStatus(String system) implements KrakenMessage {

    @Override
    public String type() {
        return "status";
    }
}
