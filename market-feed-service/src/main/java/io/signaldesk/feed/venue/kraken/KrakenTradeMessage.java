package io.signaldesk.feed.venue.kraken;

import java.util.List;

/** {@code {"channel":"trade","type":"snapshot"|"update","data":[...]}}. */
public record KrakenTradeMessage(String kind, List<KrakenTrade> trades) implements KrakenMessage {

    public KrakenTradeMessage {
        trades = List.copyOf(trades);
    }

    @Override
    public String type() {
        return "trade";
    }
}
