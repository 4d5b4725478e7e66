package io.signaldesk.feed.venue.coinbase;

import java.time.Instant;
import java.util.List;

/** {@code {"channel":"l2_data","timestamp":..,"sequence_num":..,"events":[..]}} (the {@code level2} channel). */
public record CoinbaseLevel2(long sequenceNum, Instant timestamp, List<CoinbaseL2Event> events)
        implements CoinbaseMessage {

    public CoinbaseLevel2 {
        events = List.copyOf(events);
    }

    @Override
    public String type() {
        return "l2_data";
    }
}
