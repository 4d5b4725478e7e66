package io.signaldesk.feed.venue.coinbase;

import java.util.List;

/** One event of a {@code market_trades} message: {@code type} snapshot (recent history) or update. */
public record CoinbaseTradesEvent(String type, List<CoinbaseTrade> trades) {

    public CoinbaseTradesEvent {
        trades = List.copyOf(trades);
    }
}
