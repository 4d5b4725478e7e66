package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;

import io.signaldesk.decision.engine.port.FeedMessage;
import io.signaldesk.market.binance.BinanceCaptureFile;
import io.signaldesk.market.binance.BinanceCaptureReader;
import io.signaldesk.market.binance.CaptureLimits;
import io.signaldesk.market.state.ReplayMarket;
import io.signaldesk.market.venue.VenueCounters;

/**
 * Raw Binance captures ({@code <receive ns> <json>} lines, plain or gzip: what {@code feed.replay.format=binance-capture}
 * reads) as the feed's replay pushes them on /ws/market: market-data's one pipeline (the Binance parser, book
 * synchronisation, per-coin state with the feed's default 60 s window and 10-level imbalance) and the feed's market-time
 * coalescing at its default {@code feed.publish-interval} of 100 ms; one frame per emitted coin, at its venue time.
 */
public final class CaptureTape implements MarketTape {

    /** The feed's defaults (feed.window, feed.imbalance-depth, feed.publish-interval): the live replay's snapshots. */
    static final Duration WINDOW = Duration.ofSeconds(60);
    static final int IMBALANCE_DEPTH = 10;
    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(100);
    static final String QUOTE = "USDT";

    private final List<Path> files;
    private final List<String> names;
    private final List<String> coins;
    private final CaptureLimits limits;
    private final Map<String, Long> problems = new TreeMap<>();
    /** Coins that had an order book in at least one frame: Binance's book starts from a depth snapshot in the capture. */
    private final Set<String> booked = new ConcurrentSkipListSet<>();
    private long lines;

    private CaptureTape(List<Path> files, List<String> names, List<String> coins, CaptureLimits limits) {
        this.files = files;
        this.names = names;
        this.coins = coins;
        this.limits = limits;
    }

    /**
     * The captures {@code files} (named {@code names} in answers), each checked to stream a USDT pair; a file that
     * does not is a 400 naming {@code captures[i]}.
     */
    public static CaptureTape of(List<Path> files, List<String> names, CaptureLimits limits) {
        List<String> coins = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String field = "captures[" + i + "]";
            Optional<String> symbol;
            try {
                symbol = BinanceCaptureFile.symbolOf(files.get(i), limits);
            } catch (IOException e) {
                throw new BacktestInputException(field, names.get(i) + ": cannot be read as a capture: " + e.getMessage());
            }
            if (symbol.isEmpty()) {
                throw new BacktestInputException(field, names.get(i) + ": no Binance stream frame found (a capture is "
                        + "'<receive ns> <json>' lines, as feed.record.raw-file writes them)");
            }
            String name = symbol.get();
            if (!name.endsWith(QUOTE) || name.length() == QUOTE.length()) {
                throw new BacktestInputException(field, names.get(i) + ": streams " + name + ", not a " + QUOTE + " pair");
            }
            String coin = name.substring(0, name.length() - QUOTE.length()).toUpperCase(Locale.ROOT);
            if (!coins.contains(coin)) {
                coins.add(coin);
            }
        }
        return new CaptureTape(List.copyOf(files), List.copyOf(names), List.copyOf(coins), limits);
    }

    @Override
    public String kind() {
        return "captures";
    }

    @Override
    public List<String> coins() {
        return coins;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("Binance captures " + names + " through the feed's pipeline (parser, book sync, 60 s features) and its "
                + "replay's market-time coalescing (a coin at most every 100 ms of venue time): the frames a feed "
                + "replay of these files pushes on /ws/market");
        if (lines > 0) {
            notes.add(lines + " capture lines read");
        }
        if (!problems.isEmpty()) {
            notes.add("skipped, by reason (unknown_symbol: a symbol no file streams first): " + problems);
        }
        List<String> bookless = lines > 0 ? coins.stream().filter(coin -> !booked.contains(coin)).toList() : List.of();
        if (!bookless.isEmpty()) {
            notes.add("no order book for " + String.join(", ", bookless) + ": the captures hold no depth snapshot for it "
                    + "(a Binance book starts from one, as the session's first capture records it), so best bid and ask "
                    + "and spread stayed empty and the rules' book vote abstained (momentum and trade flow decided); give "
                    + "the session's first capture too");
        }
        return notes;
    }

    @Override
    public Iterator<FeedMessage> frames() {
        ArrayDeque<FeedMessage> ready = new ArrayDeque<>();
        ReplayMarket market = new ReplayMarket(coins, WINDOW, IMBALANCE_DEPTH, PUBLISH_INTERVAL,
                snapshot -> {
                    if (snapshot.bestBid() != null) {
                        booked.add(snapshot.coin());
                    }
                    ready.add(new FeedMessage("snapshot", snapshot.updatedAt(), List.of(snapshot), null, IDENTITY));
                });
        BinanceCaptureReader reader;
        try {
            reader = BinanceCaptureReader.open(files, coins, QUOTE, limits, market, counters());
        } catch (IOException e) {
            throw new BacktestInputException("captures", "cannot read the captures: " + e.getMessage());
        }
        return new Iterator<>() {
            private boolean finished;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && !finished) {
                    try {
                        if (!reader.step(BinanceCaptureReader.NO_PAUSE)) {
                            finished = true;
                            market.finish();
                            lines = reader.lines();
                            market.rejected().forEach((reason, n) -> problems.merge(reason, n, Long::sum));
                            reader.close();
                        }
                    } catch (IOException e) {
                        reader.close();
                        throw new BacktestInputException("captures", "cannot read the captures: " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        reader.close();
                        throw BacktestUnavailable.interrupted(e);
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public FeedMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** Skipped frames by kind, reported in the notes; the tape goes on. */
    private VenueCounters counters() {
        return new VenueCounters() {
            @Override
            public void message(String type) {
            }

            @Override
            public void parseError(String kind, String detail) {
                problems.merge(kind, 1L, Long::sum);
            }

            @Override
            public void resynced(String reason) {
                problems.merge("resync_" + reason, 1L, Long::sum);
            }

            @Override
            public void error(String message) {
            }
        };
    }

}
