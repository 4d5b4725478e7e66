package io.signaldesk.market.binance;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.venue.VenueParseException;
import io.signaldesk.market.venue.VenueCounters;

/**
 * Turns a sequence of Binance frames (live, or a recorded {@code <ns> <json>} capture) into common
 * events: trades straight through, depth diffs through one {@link BinanceBookSync} per symbol.
 * Asks its {@link SnapshotRequester} for a REST snapshot when a book needs one; a capture carries its
 * snapshot inline as a frame without a symbol. Not thread-safe: one caller thread at a time.
 */
public final class BinanceStreamHandler {

    /** Fetches {@code /api/v3/depth} for the instrument and later calls {@link #onSnapshot}. */
    @FunctionalInterface
    public interface SnapshotRequester {
        void request(Instrument instrument);
    }

    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Map<String, BinanceBookSync> syncs = new HashMap<>();
    private final Set<String> awaitingSnapshot = new HashSet<>();
    private final MarketEventSink sink;
    private final VenueCounters telemetry;
    private final SnapshotRequester requester;
    private final String defaultSnapshotSymbol;

    public BinanceStreamHandler(List<Instrument> instruments, MarketEventSink sink, VenueCounters telemetry,
            SnapshotRequester requester) {
        this(instruments, sink, telemetry, requester, null);
    }

    /**
     * @param defaultSnapshotSymbol the symbol a depth snapshot without one belongs to (a capture file's
     *        REST snapshot line), or null when such snapshots are only accepted on a one-symbol stream
     */
    public BinanceStreamHandler(List<Instrument> instruments, MarketEventSink sink, VenueCounters telemetry,
            SnapshotRequester requester, String defaultSnapshotSymbol) {
        for (Instrument instrument : instruments) {
            this.instruments.put(instrument.symbol(), instrument);
            this.syncs.put(instrument.symbol(), new BinanceBookSync(instrument));
        }
        this.sink = sink;
        this.telemetry = telemetry;
        this.requester = requester;
        this.defaultSnapshotSymbol = defaultSnapshotSymbol;
    }

    /** A new connection: every book must be rebuilt from a fresh snapshot. */
    public void reset() {
        syncs.values().forEach(BinanceBookSync::reset);
        awaitingSnapshot.clear();
    }

    public Optional<BinanceBookSync> sync(String symbol) {
        return Optional.ofNullable(syncs.get(symbol));
    }

    /** Handles one frame; answers the parsed message (empty when it was skipped as malformed). */
    public Optional<BinanceMessage> onFrame(String text, Instant receivedAt) {
        BinanceMessage message;
        try {
            message = BinanceAdapter.parse(text);
            telemetry.message(message.type());
            dispatch(message, receivedAt);
        } catch (VenueParseException e) {
            telemetry.parseError(e.kind(), e.getMessage());
            return Optional.empty();
        }
        return Optional.of(message);
    }

    /** A depth snapshot for {@code instrument}, from REST or a capture. */
    public void onSnapshot(Instrument instrument, BinanceDepthSnapshot snapshot, Instant receivedAt) {
        BinanceBookSync sync = syncs.get(instrument.symbol());
        if (sync == null) {
            throw new VenueParseException("unknown_symbol", "snapshot for unfollowed symbol " + instrument.symbol());
        }
        awaitingSnapshot.remove(instrument.symbol());
        BinanceBookSync.Outcome outcome = sync.onSnapshot(snapshot, receivedAt);
        switch (outcome.status()) {
            case SYNCED -> sink.accept(outcome.event());
            case SNAPSHOT_TOO_OLD -> requestSnapshot(instrument);
            case GAP -> resync(instrument, "crossed_book", outcome.detail());
            default -> throw new IllegalStateException("unexpected " + outcome.status());
        }
    }

    private void dispatch(BinanceMessage message, Instant receivedAt) {
        if (message instanceof BinanceTrade trade) {
            sink.accept(BinanceAdapter.toTrade(trade, instrument(trade.symbol()), receivedAt));
        } else if (message instanceof BinanceAggTrade trade) {
            sink.accept(BinanceAdapter.toTrade(trade, instrument(trade.symbol()), receivedAt));
        } else if (message instanceof BinanceDepthUpdate diff) {
            onDiff(diff, receivedAt);
        } else if (message instanceof BinanceDepthSnapshot snapshot) {
            onSnapshot(snapshotInstrument(snapshot), snapshot, receivedAt);
        } else if (message instanceof BinanceBookTicker ticker) {
            instrument(ticker.symbol()); // validated and counted; the book comes from the depth stream
        } else if (message instanceof BinanceError error) {
            telemetry.error("binance error " + error.code() + ": " + error.message());
        } else if (message instanceof BinanceServerShutdown) {
            telemetry.error("serverShutdown announced");
        }
        // BinanceResponse: a subscribe acknowledgement, counted and otherwise ignored
    }

    private void onDiff(BinanceDepthUpdate diff, Instant receivedAt) {
        Instrument instrument = instrument(diff.symbol());
        BinanceBookSync.Outcome outcome = syncs.get(instrument.symbol()).onDiff(diff, receivedAt);
        switch (outcome.status()) {
            case APPLIED -> sink.accept(outcome.event());
            case BUFFERED -> {
                if (!awaitingSnapshot.contains(instrument.symbol())) {
                    requestSnapshot(instrument);
                }
            }
            case GAP -> resync(instrument, outcome.detail().startsWith("crossed") ? "crossed_book" : "sequence_gap",
                    outcome.detail());
            default -> {
                // DROPPED: older than the book, expected right after a snapshot
            }
        }
    }

    private void resync(Instrument instrument, String reason, String detail) {
        telemetry.resynced(reason);
        telemetry.error(instrument.symbol() + ": " + detail);
        requestSnapshot(instrument);
    }

    private void requestSnapshot(Instrument instrument) {
        awaitingSnapshot.add(instrument.symbol());
        requester.request(instrument);
    }

    private Instrument snapshotInstrument(BinanceDepthSnapshot snapshot) {
        if (snapshot.symbol() != null) {
            return instrument(snapshot.symbol());
        }
        if (defaultSnapshotSymbol != null) {
            return instrument(defaultSnapshotSymbol);
        }
        if (instruments.size() == 1) {
            return instruments.values().iterator().next();
        }
        throw new VenueParseException("unknown_symbol", "depth snapshot without a symbol on a multi-symbol stream");
    }

    private Instrument instrument(String symbol) {
        Instrument instrument = instruments.get(symbol);
        if (instrument == null) {
            throw new VenueParseException("unknown_symbol", "symbol " + symbol + " is not followed");
        }
        return instrument;
    }
}
