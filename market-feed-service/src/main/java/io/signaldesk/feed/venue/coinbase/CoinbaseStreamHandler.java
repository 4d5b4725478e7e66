package io.signaldesk.feed.venue.coinbase;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.domain.OrderBook;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.feed.venue.ws.ConnectionControl;
import io.signaldesk.feed.venue.ws.StreamHandler;
import io.signaldesk.market.venue.VenueParseException;
import io.signaldesk.feed.venue.ws.VenueTelemetry;

/**
 * Coinbase Advanced Trade session logic: subscribes {@code heartbeats}, {@code market_trades} and
 * {@code level2} for every product, checks the connection-wide {@code sequence_num} (a jump means
 * dropped messages: every book is resynced by resubscribing {@code level2}, which sends new
 * snapshots) and keeps one book per product to reject crossed states.
 */
public final class CoinbaseStreamHandler implements StreamHandler {

    static final List<String> CHANNELS = List.of("heartbeats", "market_trades", "level2");

    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Map<String, OrderBook> books = new HashMap<>();
    private final Set<String> synced = new HashSet<>();
    private final MarketEventSink sink;
    private final VenueTelemetry telemetry;
    private final long resyncTimeoutMs;
    private long expectedSequence = -1;
    private long generation;

    public CoinbaseStreamHandler(List<Instrument> instruments, MarketEventSink sink, VenueTelemetry telemetry) {
        this(instruments, sink, telemetry, 0);
    }

    /**
     * @param resyncTimeoutMs when the books have no new snapshot this long after resubscribing, reconnect (0 = never)
     */
    public CoinbaseStreamHandler(List<Instrument> instruments, MarketEventSink sink, VenueTelemetry telemetry,
            long resyncTimeoutMs) {
        for (Instrument instrument : instruments) {
            this.instruments.put(instrument.symbol(), instrument);
            this.books.put(instrument.symbol(), new OrderBook(instrument));
        }
        this.sink = sink;
        this.telemetry = telemetry;
        this.resyncTimeoutMs = resyncTimeoutMs;
    }

    public Optional<OrderBook> book(String productId) {
        return Optional.ofNullable(books.get(productId));
    }

    public boolean synced(String productId) {
        return synced.contains(productId);
    }

    public void onOpen(ConnectionControl control) {
        generation++;
        reset();
        List<String> products = List.copyOf(instruments.keySet());
        CHANNELS.forEach(channel -> control.send(CoinbaseAdapter.subscribe(channel, products)));
    }

    public void reset() {
        expectedSequence = -1;
        synced.clear();
        books.values().forEach(OrderBook::clear);
    }

    public void onFrame(String text, Instant receivedAt, ConnectionControl control) {
        CoinbaseMessage message;
        try {
            message = CoinbaseAdapter.parse(text);
        } catch (VenueParseException e) {
            telemetry.parseError(e.kind(), e.getMessage());
            return;
        }
        telemetry.message(message.type());
        if (!inSequence(message, control)) {
            return;
        }
        if (message instanceof CoinbaseLevel2 level2) {
            for (CoinbaseL2Event event : level2.events()) {
                onBook(event, level2.timestamp(), receivedAt, control);
            }
        } else if (message instanceof CoinbaseMarketTrades trades) {
            onTrades(trades, receivedAt);
        } else if (message instanceof CoinbaseError error) {
            telemetry.error("coinbase error: " + error.message());
        }
        // heartbeats and subscriptions: counted, they only keep the stream (and its sequence) alive
    }

    private boolean inSequence(CoinbaseMessage message, ConnectionControl control) {
        long sequence = message.sequenceNum();
        if (sequence < 0) {
            return true;
        }
        if (expectedSequence >= 0 && sequence < expectedSequence) {
            telemetry.parseError("out_of_order", "sequence_num " + sequence + " after " + (expectedSequence - 1));
            return false;
        }
        if (expectedSequence >= 0 && sequence > expectedSequence) {
            resync("sequence_gap", "missed sequence_num " + expectedSequence + ".." + (sequence - 1), control);
        }
        expectedSequence = sequence + 1;
        return true;
    }

    private void onBook(CoinbaseL2Event event, Instant venueTime, Instant receivedAt, ConnectionControl control) {
        Instrument instrument = instruments.get(event.productId());
        if (instrument == null) {
            telemetry.parseError("unknown_symbol", "l2_data for unfollowed product " + event.productId());
            return;
        }
        if (!event.snapshot() && !synced.contains(event.productId())) {
            return; // updates before the (re)subscription snapshot belong to the old book
        }
        List<List<PriceLevel>> levels = CoinbaseAdapter.levels(event);
        BookEvent bookEvent = new BookEvent(instrument, event.snapshot() ? BookEvent.Kind.SNAPSHOT : BookEvent.Kind.UPDATE,
                levels.get(0), levels.get(1), venueTime, receivedAt);
        OrderBook book = books.get(event.productId());
        book.apply(bookEvent);
        if (book.isCrossed()) {
            resync("crossed_book", event.productId() + " best bid at or above best ask", control);
            return;
        }
        synced.add(event.productId());
        sink.accept(bookEvent);
    }

    private void onTrades(CoinbaseMarketTrades message, Instant receivedAt) {
        for (CoinbaseTradesEvent event : message.events()) {
            if (!"update".equals(event.type())) {
                continue; // the subscription snapshot is history; replaying it would distort the 60 s windows
            }
            for (CoinbaseTrade trade : event.trades()) {
                Instrument instrument = instruments.get(trade.productId());
                if (instrument == null) {
                    telemetry.parseError("unknown_symbol", "trade for unfollowed product " + trade.productId());
                    continue;
                }
                sink.accept(CoinbaseAdapter.toTrade(trade, instrument, receivedAt));
            }
        }
    }

    private void resync(String reason, String detail, ConnectionControl control) {
        telemetry.resynced(reason);
        telemetry.error(detail);
        synced.clear();
        books.values().forEach(OrderBook::clear);
        List<String> products = List.copyOf(instruments.keySet());
        control.send(CoinbaseAdapter.unsubscribe("level2", products));
        control.send(CoinbaseAdapter.subscribe("level2", products));
        long resyncGeneration = generation;
        if (resyncTimeoutMs > 0) {
            control.schedule(resyncTimeoutMs, () -> {
                if (resyncGeneration == generation && synced.size() < instruments.size()) {
                    control.reconnect("no level2 snapshot " + resyncTimeoutMs + " ms after resubscribing");
                }
            });
        }
    }
}
