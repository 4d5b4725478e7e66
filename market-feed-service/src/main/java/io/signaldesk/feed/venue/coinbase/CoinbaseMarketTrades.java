package io.signaldesk.feed.venue.coinbase;

import java.util.List;

/** {@code {"channel":"market_trades","sequence_num":..,"events":[{"type":..,"trades":[..]}]}}. */
public record CoinbaseMarketTrades(long sequenceNum, List<CoinbaseTradesEvent> events) implements CoinbaseMessage {

    public CoinbaseMarketTrades {
        events = List.copyOf(events);
    }

    @Override
    public String type() {
        return "market_trades";
    }
}
