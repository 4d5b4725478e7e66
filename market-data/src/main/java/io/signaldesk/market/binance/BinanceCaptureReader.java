package io.signaldesk.market.binance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.venue.VenueCounters;

/**
 * Raw Binance captures ({@code <receive ns> <json>}, e.g. shared/data/binance-spot or feed.record.raw-file output)
 * through the live parser and book synchroniser ({@link BinanceStreamHandler}) into a {@link MarketEventSink}: the
 * files of one symbol are one session in the given order, several symbols are merged by receive time. The feed's
 * replay paces it, the backtest does not; both get the same events in the same order.
 */
public final class BinanceCaptureReader implements AutoCloseable {

    /** Waits before the line received at {@code nextNs} when the previous one was at {@code previousNs} (-1: first). */
    @FunctionalInterface
    public interface Pacer {
        void pause(long previousNs, long nextNs) throws InterruptedException;
    }

    /** As fast as the lines can be read. */
    public static final Pacer NO_PAUSE = (previousNs, nextNs) -> {
    };

    /** A file that is not read, and why (no stream frame of the quote, a coin not followed). */
    public record Skipped(Path file, String reason) {
    }

    private final List<Session> sessions;
    private final List<Skipped> skipped;
    private final VenueCounters counters;
    private final Map<Instrument, BookWait> waiting;
    private long lines;
    private PriorityQueue<Session> queue;
    private long previousNs = -1;

    private BinanceCaptureReader(List<Session> sessions, List<Skipped> skipped, VenueCounters counters,
            Map<Instrument, BookWait> waiting) {
        this.sessions = sessions;
        this.skipped = skipped;
        this.counters = counters;
        this.waiting = waiting;
    }

    /**
     * Opens {@code files} for the followed {@code coins} (quoted in {@code quote}, e.g. USDT); files of other symbols
     * are skipped and listed in {@link #skipped()}.
     */
    public static BinanceCaptureReader open(List<Path> files, List<String> coins, String quote, CaptureLimits limits,
            MarketEventSink sink, VenueCounters counters) throws IOException {
        String upperQuote = quote.toUpperCase(Locale.ROOT);
        List<Instrument> instruments = coins.stream().map(coin -> BinanceAdapter.instrument(coin, upperQuote)).toList();
        List<Skipped> skipped = new ArrayList<>();
        Map<Instrument, List<Path>> bySymbol = new LinkedHashMap<>();
        for (Path file : files) {
            Optional<String> symbol = BinanceCaptureFile.symbolOf(file, limits);
            if (symbol.isEmpty() || !symbol.get().endsWith(upperQuote) || symbol.get().length() == upperQuote.length()) {
                skipped.add(new Skipped(file, "no " + upperQuote + " stream frame found"));
                continue;
            }
            String coin = symbol.get().substring(0, symbol.get().length() - upperQuote.length());
            if (coins.stream().noneMatch(coin::equalsIgnoreCase)) {
                skipped.add(new Skipped(file, "streams " + symbol.get() + ", not one of the coins " + coins));
                continue;
            }
            bySymbol.computeIfAbsent(BinanceAdapter.instrument(coin, upperQuote), k -> new ArrayList<>()).add(file);
        }
        CaptureBudget budget = new CaptureBudget(limits);
        Map<Instrument, BookWait> waiting = new LinkedHashMap<>();
        List<Session> sessions = new ArrayList<>();
        try {
            for (Map.Entry<Instrument, List<Path>> entry : bySymbol.entrySet()) {
                // every followed symbol is known (a recording of several coins is one file); a snapshot line without
                // symbol belongs to the symbol the file starts with (one-symbol captures)
                // a capture has no REST endpoint: the book waits for the capture's next snapshot line
                BookWait wait = new BookWait(waiting);
                BinanceStreamHandler handler = new BinanceStreamHandler(instruments, sink, counters, wait,
                        entry.getKey().symbol());
                wait.handler = handler;
                sessions.add(new Session(new BinanceCaptureFile(entry.getValue(), budget), handler));
            }
        } catch (IOException | RuntimeException e) {
            sessions.forEach(Session::close);
            throw e;
        }
        return new BinanceCaptureReader(sessions, skipped, counters, waiting);
    }

    public List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * The coins whose book waits for a depth snapshot the captures have not given (yet), in the order they started
     * waiting: a Binance book starts from the REST snapshot a capture records in its first lines, so a session replayed
     * without its first file never has one. Empty once every book that asked has one.
     */
    public List<String> booksAwaitingSnapshot() {
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<String> coins = new ArrayList<>();
        for (Iterator<Map.Entry<Instrument, BookWait>> it = waiting.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Instrument, BookWait> entry = it.next();
            if (entry.getValue().handler.sync(entry.getKey().symbol()).map(BinanceBookSync::synced).orElse(true)) {
                it.remove();
            } else {
                coins.add(entry.getKey().coin());
            }
        }
        return coins;
    }

    /** Lines handed to the parser so far. */
    public long lines() {
        return lines;
    }

    /** Reads every session to its end, merged by receive time; stops when the thread is interrupted. */
    public void play(Pacer pacer) throws IOException, InterruptedException {
        while (step(pacer)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Reads the next line in receive-time order (the sink gets its events); false at the end of every session. */
    public boolean step(Pacer pacer) throws IOException, InterruptedException {
        if (queue == null) {
            queue = new PriorityQueue<>(Comparator.comparingLong(s -> s.file.head().receiveNs()));
            sessions.stream().filter(s -> s.file.head() != null).forEach(queue::add);
        }
        Session session = queue.poll();
        if (session == null) {
            return false;
        }
        BinanceCaptureFile.Line line = session.file.head();
        if (line.receiveNs() < 0) {
            counters.parseError("bad_line", "capture line is not '<receive ns> <json>'");
        } else {
            pacer.pause(previousNs, line.receiveNs());
            previousNs = Math.max(previousNs, line.receiveNs());
            lines++;
            session.handler.onFrame(line.json(), Instant.ofEpochSecond(0, line.receiveNs()));
        }
        session.file.advance();
        if (session.file.head() != null) {
            queue.add(session);
        }
        return true;
    }

    @Override
    public void close() {
        sessions.forEach(Session::close);
    }

    /** A session's snapshot requests: the books that wait for the capture's next snapshot line. */
    private static final class BookWait implements BinanceStreamHandler.SnapshotRequester {
        private final Map<Instrument, BookWait> waiting;
        private BinanceStreamHandler handler;

        BookWait(Map<Instrument, BookWait> waiting) {
            this.waiting = waiting;
        }

        @Override
        public void request(Instrument instrument) {
            waiting.putIfAbsent(instrument, this);
        }
    }

    private record Session(BinanceCaptureFile file, BinanceStreamHandler handler) {

        void close() {
            try {
                file.close();
            } catch (IOException e) {
                // nothing left to read from it
            }
        }
    }
}
