package io.signaldesk.feed.venue.kraken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.feed.venue.ws.ConnectionControl;
import io.signaldesk.feed.venue.ws.StreamHandler;
import io.signaldesk.market.venue.VenueParseException;
import io.signaldesk.feed.venue.ws.VenueTelemetry;

/**
 * Kraken v2 session logic: subscribes {@code trade} and {@code book} for every instrument, keeps a
 * {@link KrakenBook} per symbol, verifies the CRC32 checksum after every book message and, on a
 * mismatch or a crossed book, unsubscribes and resubscribes that symbol's book to get a new snapshot.
 */
public final class KrakenStreamHandler implements StreamHandler {

    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Map<String, KrakenBook> books = new HashMap<>();
    private final Set<String> synced = new HashSet<>();
    private final int depth;
    private final MarketEventSink sink;
    private final VenueTelemetry telemetry;
    private final long resyncTimeoutMs;
    private long nextRequestId = 1;
    private long generation;

    /** Book depths Kraken v2 accepts. */
    public static final List<Integer> DEPTHS = List.of(10, 25, 100, 500, 1000);

    public KrakenStreamHandler(List<Instrument> instruments, int depth, MarketEventSink sink, VenueTelemetry telemetry) {
        this(instruments, depth, sink, telemetry, 0);
    }

    /**
     * @param resyncTimeoutMs when a resubscribed book has no snapshot after this long, reconnect (0 = never)
     */
    public KrakenStreamHandler(List<Instrument> instruments, int depth, MarketEventSink sink, VenueTelemetry telemetry,
            long resyncTimeoutMs) {
        if (!DEPTHS.contains(depth)) {
            throw new IllegalArgumentException("feed.kraken.depth must be one of " + DEPTHS + ": " + depth);
        }
        for (Instrument instrument : instruments) {
            this.instruments.put(instrument.symbol(), instrument);
            this.books.put(instrument.symbol(), new KrakenBook(depth));
        }
        this.depth = depth;
        this.sink = sink;
        this.telemetry = telemetry;
        this.resyncTimeoutMs = resyncTimeoutMs;
    }

    public Optional<KrakenBook> book(String symbol) {
        return Optional.ofNullable(books.get(symbol));
    }

    public boolean synced(String symbol) {
        return synced.contains(symbol);
    }

    public void onOpen(ConnectionControl control) {
        generation++;
        reset();
        List<String> symbols = List.copyOf(instruments.keySet());
        control.send(KrakenAdapter.subscribe("trade", symbols, null, false, nextRequestId++));
        control.send(KrakenAdapter.subscribe("book", symbols, depth, true, nextRequestId++));
    }

    public void reset() {
        synced.clear();
        books.values().forEach(KrakenBook::clear);
    }

    public void onFrame(String text, Instant receivedAt, ConnectionControl control) {
        KrakenMessage message;
        try {
            message = KrakenAdapter.parse(text);
        } catch (VenueParseException e) {
            telemetry.parseError(e.kind(), e.getMessage());
            return;
        }
        telemetry.message(message.type());
        if (message instanceof KrakenTradeMessage trades) {
            onTrades(trades, receivedAt);
        } else if (message instanceof KrakenBookMessage book) {
            for (KrakenBookData data : book.data()) {
                onBook(book.snapshot(), data, receivedAt, control);
            }
        } else if (message instanceof KrakenMethodResponse response && !response.success()) {
            telemetry.error("kraken " + response.method() + " failed: " + response.error());
        }
        // heartbeat, status, successful acks and pongs: counted, nothing else to do
    }

    private void onTrades(KrakenTradeMessage message, Instant receivedAt) {
        if (!"update".equals(message.kind())) {
            return; // we subscribe without a trade snapshot; old trades would distort the 60 s windows
        }
        for (KrakenTrade trade : message.trades()) {
            Instrument instrument = instruments.get(trade.symbol());
            if (instrument == null) {
                telemetry.parseError("unknown_symbol", "trade for unfollowed symbol " + trade.symbol());
                continue;
            }
            sink.accept(KrakenAdapter.toTrade(trade, instrument, receivedAt));
        }
    }

    private void onBook(boolean snapshot, KrakenBookData data, Instant receivedAt, ConnectionControl control) {
        Instrument instrument = instruments.get(data.symbol());
        if (instrument == null) {
            telemetry.parseError("unknown_symbol", "book for unfollowed symbol " + data.symbol());
            return;
        }
        String symbol = data.symbol();
        KrakenBook book = books.get(symbol);
        if (!snapshot && !synced.contains(symbol)) {
            return; // updates before the (re)subscription snapshot belong to the old book
        }
        if (snapshot) {
            book.clear();
        }
        KrakenBook.Removed removed = book.apply(data.bids(), data.asks());
        if (book.isCrossed()) {
            resync(instrument, "crossed_book", "best bid at or above best ask", control);
            return;
        }
        long local = book.checksum();
        if (local != data.checksum()) {
            resync(instrument, "checksum", "checksum " + local + " != venue " + data.checksum(), control);
            return;
        }
        Instant venueTime = data.timestamp() == null ? receivedAt : data.timestamp();
        if (snapshot) {
            synced.add(symbol);
            sink.accept(new BookEvent(instrument, BookEvent.Kind.SNAPSHOT, book.bids(), book.asks(), venueTime,
                    receivedAt));
        } else {
            sink.accept(new BookEvent(instrument, BookEvent.Kind.UPDATE, concat(data.bids(), removed.bids()),
                    concat(data.asks(), removed.asks()), venueTime, receivedAt));
        }
    }

    private void resync(Instrument instrument, String reason, String detail, ConnectionControl control) {
        String symbol = instrument.symbol();
        synced.remove(symbol);
        books.get(symbol).clear();
        telemetry.resynced(reason);
        telemetry.error(symbol + ": " + detail);
        control.send(KrakenAdapter.unsubscribe("book", List.of(symbol), depth, nextRequestId++));
        control.send(KrakenAdapter.subscribe("book", List.of(symbol), depth, true, nextRequestId++));
        long resyncGeneration = generation;
        if (resyncTimeoutMs > 0) {
            control.schedule(resyncTimeoutMs, () -> {
                if (resyncGeneration == generation && !synced.contains(symbol)) {
                    control.reconnect("no " + symbol + " book snapshot " + resyncTimeoutMs + " ms after resubscribing");
                }
            });
        }
    }

    private static List<PriceLevel> concat(List<PriceLevel> first, List<PriceLevel> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<PriceLevel> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
