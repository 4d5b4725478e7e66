package io.signaldesk.feed.venue.kraken;

import java.util.List;

/** {@code {"channel":"book","type":"snapshot"|"update","data":[...]}}. */
public record KrakenBookMessage(boolean snapshot, List<KrakenBookData> data) implements KrakenMessage {

    public KrakenBookMessage {
        data = List.copyOf(data);
    }

    @Override
    public String type() {
        return snapshot ? "book_snapshot" : "book_update";
    }
}
