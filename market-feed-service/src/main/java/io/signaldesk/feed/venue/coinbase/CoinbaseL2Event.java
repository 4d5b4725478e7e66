package io.signaldesk.feed.venue.coinbase;

import java.util.List;

/** One event of an {@code l2_data} message: the first per product is a snapshot, then updates. */
public record CoinbaseL2Event(boolean snapshot, String productId, List<CoinbaseL2Update> updates) {

    public CoinbaseL2Event {
        updates = List.copyOf(updates);
    }
}
