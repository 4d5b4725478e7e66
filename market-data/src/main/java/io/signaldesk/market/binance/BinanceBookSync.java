package io.signaldesk.market.binance;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.BookSide;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.OrderBook;

/**
 * Binance's documented local-book procedure for one symbol: buffer diffs until a depth snapshot
 * arrives, drop diffs with {@code u <= lastUpdateId}, require the first applied diff to straddle
 * {@code lastUpdateId + 1}, then treat {@code U > local + 1} as missed events (resync). Pure state,
 * no I/O: the caller fetches snapshots and emits the returned events.
 */
public final class BinanceBookSync {

    /** Buffer bound while waiting for a snapshot (about 15 min of depth@100ms); older diffs are dropped. */
    private static final int MAX_BUFFERED = 10_000;

    public enum Status {
        /** Waiting for a snapshot; the diff was buffered. */
        BUFFERED,
        /** The diff was applied; {@link Outcome#event()} is its UPDATE. */
        APPLIED,
        /** The diff is older than the book (u <= local id) and was dropped. */
        DROPPED,
        /** The snapshot was applied; {@link Outcome#event()} is the resulting SNAPSHOT. */
        SYNCED,
        /** The snapshot is older than the buffered diffs: fetch another one. */
        SNAPSHOT_TOO_OLD,
        /** Diffs were missed (or the book crossed): the book was dropped, fetch a new snapshot. */
        GAP
    }

    public record Outcome(Status status, BookEvent event, String detail) {

        static Outcome of(Status status) {
            return new Outcome(status, null, null);
        }
    }

    private final Instrument instrument;
    private final OrderBook book;
    private final Deque<BinanceDepthUpdate> buffer = new ArrayDeque<>();
    private boolean synced;
    private long lastUpdateId = -1;

    public BinanceBookSync(Instrument instrument) {
        this.instrument = instrument;
        this.book = new OrderBook(instrument);
    }

    public boolean synced() {
        return synced;
    }

    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** Read-only use: best bid/ask for checks and tests. */
    public OrderBook book() {
        return book;
    }

    public int buffered() {
        return buffer.size();
    }

    /** Forgets the book (new connection, gap); diffs are buffered again until the next snapshot. */
    public void reset() {
        synced = false;
        lastUpdateId = -1;
        book.clear();
        buffer.clear();
    }

    public Outcome onDiff(BinanceDepthUpdate diff, Instant receivedAt) {
        if (!synced) {
            if (buffer.size() >= MAX_BUFFERED) {
                buffer.removeFirst();
            }
            buffer.addLast(diff);
            return Outcome.of(Status.BUFFERED);
        }
        if (diff.finalUpdateId() <= lastUpdateId) {
            return Outcome.of(Status.DROPPED);
        }
        if (diff.firstUpdateId() > lastUpdateId + 1) {
            String detail = "missed updates " + (lastUpdateId + 1) + ".." + (diff.firstUpdateId() - 1);
            reset();
            buffer.addLast(diff);
            return new Outcome(Status.GAP, null, detail);
        }
        apply(diff);
        if (book.isCrossed()) {
            String detail = "crossed book after update " + diff.finalUpdateId();
            reset();
            return new Outcome(Status.GAP, null, detail);
        }
        return new Outcome(Status.APPLIED, BinanceAdapter.toUpdate(diff, instrument, receivedAt), null);
    }

    public Outcome onSnapshot(BinanceDepthSnapshot snapshot, Instant receivedAt) {
        List<BinanceDepthUpdate> pending = List.copyOf(buffer);
        book.clear();
        snapshot.bids().forEach(level -> book.set(BookSide.BID, level));
        snapshot.asks().forEach(level -> book.set(BookSide.ASK, level));
        lastUpdateId = snapshot.lastUpdateId();
        Instant venueTime = receivedAt;
        boolean first = true;
        for (BinanceDepthUpdate diff : pending) {
            if (diff.finalUpdateId() <= lastUpdateId) {
                continue;
            }
            if (diff.firstUpdateId() > lastUpdateId + 1) {
                // First remaining diff does not straddle the snapshot (or a later one leaves a hole).
                String detail = (first ? "snapshot " + snapshot.lastUpdateId() + " older than buffered diff U="
                        : "hole in buffered diffs at U=") + diff.firstUpdateId();
                synced = false;
                book.clear();
                lastUpdateId = -1;
                return new Outcome(Status.SNAPSHOT_TOO_OLD, null, detail);
            }
            apply(diff);
            venueTime = Instant.ofEpochMilli(diff.eventTime());
            first = false;
        }
        buffer.clear();
        if (book.isCrossed()) {
            reset();
            return new Outcome(Status.GAP, null, "crossed book after snapshot " + snapshot.lastUpdateId());
        }
        synced = true;
        BookEvent event = new BookEvent(instrument, BookEvent.Kind.SNAPSHOT, book.bids(book.bidLevels()),
                book.asks(book.askLevels()), venueTime, receivedAt);
        return new Outcome(Status.SYNCED, event, null);
    }

    private void apply(BinanceDepthUpdate diff) {
        diff.bids().forEach(level -> book.set(BookSide.BID, level));
        diff.asks().forEach(level -> book.set(BookSide.ASK, level));
        lastUpdateId = diff.finalUpdateId();
    }
}
