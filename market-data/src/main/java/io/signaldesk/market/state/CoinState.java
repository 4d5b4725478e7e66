package io.signaldesk.market.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.signaldesk.core.feature.FeatureMath;
import io.signaldesk.core.feature.PriceWindow;
import io.signaldesk.core.feature.TradeWindow;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.BookSide;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.OrderBook;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;

/**
 * Book, trade tape and sliding windows of one coin, read as the core's {@link CoinSnapshot}: the feed's live state and
 * the backtest's capture replay are this class. Every method holds the instance lock, so one
 * source thread can write while REST and WebSocket threads read. Windows slide with the coin's venue
 * clock (the latest venue time seen), so a replay reproduces the same figures.
 */
public final class CoinState {

    /** The default plausibility band: a print or a book more than 10 % away from the coin's mark is dropped. */
    public static final BigDecimal DEFAULT_BAND_PCT = BigDecimal.TEN;

    private final String coin;
    private final Duration window;
    private final int imbalanceDepth;
    private final int tapeSize;
    private final BigDecimal band;
    private PriceWindow prices;
    private TradeWindow trades;
    private Instant lastTradeTime;
    private boolean rebuilding;
    private long resets;
    private final ArrayDeque<TradeEvent> tape = new ArrayDeque<>();
    private Instrument instrument;
    private OrderBook book;
    private Instant clock;
    private Instant lastVenueTime;
    private Instant processedAt;

    public CoinState(String coin, Duration window, int imbalanceDepth, int tapeSize) {
        this(coin, window, imbalanceDepth, tapeSize, DEFAULT_BAND_PCT);
    }

    /** @param bandPct how far (percent, above 0) a trade or a new best price may be from the coin's mark */
    public CoinState(String coin, Duration window, int imbalanceDepth, int tapeSize, BigDecimal bandPct) {
        if (bandPct == null || bandPct.signum() <= 0) {
            throw new IllegalArgumentException("price band must be a positive percentage: " + bandPct);
        }
        this.coin = coin;
        this.window = window;
        this.imbalanceDepth = imbalanceDepth;
        this.tapeSize = tapeSize;
        this.band = bandPct.movePointLeft(2);
        this.prices = new PriceWindow(window);
        this.trades = new TradeWindow(window);
    }

    /** Applies an event; answers the rejection reason, empty when accepted. */
    public synchronized Optional<String> apply(MarketEvent event, Instant now) {
        if (instrument != null && !instrument.equals(event.instrument())) {
            return Optional.of("instrument-mismatch");
        }
        Optional<String> rejection = event instanceof BookEvent bookEvent ? applyBook(bookEvent)
                : applyTrade((TradeEvent) event);
        if (rejection.isPresent()) {
            return rejection;
        }
        instrument = event.instrument();
        lastVenueTime = event.venueTime();
        processedAt = now;
        advanceClock(event.venueTime());
        if (!featuresValid()) {
            reset();
            return Optional.of("invalid-state-reset");
        }
        return Optional.empty();
    }

    /**
     * The reference a new print is held against: the book's mid, else the last trade while it is inside the window
     * (an older one says nothing about the market now), else none (the first print of a coin is taken as it comes).
     */
    private BigDecimal mark(Instant at) {
        BigDecimal mid = book == null ? null : mid(book);
        if (mid != null) {
            return mid;
        }
        if (prices.last() != null && lastTradeTime != null && lastTradeTime.plus(window).isAfter(at)) {
            return prices.last();
        }
        return null;
    }

    private static BigDecimal mid(OrderBook book) {
        var bid = book.bestBid().orElse(null);
        var ask = book.bestAsk().orElse(null);
        return bid == null || ask == null ? null : FeatureMath.mid(bid.price(), ask.price());
    }

    /** True when {@code price} is further than the band from {@code reference}. */
    private boolean outsideBand(BigDecimal reference, BigDecimal price) {
        if (reference == null || price == null) {
            return false;
        }
        return price.subtract(reference).abs().compareTo(reference.multiply(band)) > 0;
    }

    /** The windows still give finite figures (they run on doubles); anything else is a state to rebuild. */
    private boolean featuresValid() {
        try {
            prices.momentumPct();
            prices.volatilityPct();
            trades.vwap();
            trades.flow();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Drops windows and tape (the book is kept: an update that would cross it or move it out of the band is never
     * applied); the coin has no valid state until its next trade rebuilds them.
     */
    private void reset() {
        prices = new PriceWindow(window);
        trades = new TradeWindow(window);
        tape.clear();
        lastTradeTime = null;
        rebuilding = true;
        resets++;
    }

    private Optional<String> applyTrade(TradeEvent trade) {
        if (outsideBand(mark(trade.venueTime()), trade.price())) {
            return Optional.of("implausible-price");
        }
        lastTradeTime = trade.venueTime();
        rebuilding = false;
        prices.add(trade.venueTime(), trade.price());
        trades.add(trade.venueTime(), trade.aggressor(), trade.price(), trade.size());
        tape.addFirst(trade);
        if (tape.size() > tapeSize) {
            tape.removeLast();
        }
        return Optional.empty();
    }

    private Optional<String> applyBook(BookEvent event) {
        if (event.kind() == BookEvent.Kind.SNAPSHOT) {
            OrderBook fresh = new OrderBook(event.instrument());
            fresh.apply(event);
            if (fresh.isCrossed()) {
                return Optional.of("crossed-book");
            }
            book = fresh;
            return Optional.empty();
        }
        if (book == null) {
            book = new OrderBook(event.instrument());
        }
        BigDecimal before = mid(book);
        List<PriceLevel> undoBids = previous(BookSide.BID, event.bids());
        List<PriceLevel> undoAsks = previous(BookSide.ASK, event.asks());
        book.apply(event);
        String rejection = book.isCrossed() ? "crossed-book" : outsideBand(before, mid(book)) ? "implausible-book" : null;
        if (rejection != null) {
            undoBids.forEach(level -> book.set(BookSide.BID, level));
            undoAsks.forEach(level -> book.set(BookSide.ASK, level));
            return Optional.of(rejection);
        }
        return Optional.empty();
    }

    /** The levels as they are now (size 0 where absent), to undo an update that crosses the book. */
    private List<PriceLevel> previous(BookSide side, List<PriceLevel> changes) {
        List<PriceLevel> undo = new ArrayList<>(changes.size());
        for (int i = changes.size() - 1; i >= 0; i--) {
            PriceLevel change = changes.get(i);
            undo.add(new PriceLevel(change.price(), book.sizeAt(side, change.price()).orElse(BigDecimal.ZERO)));
        }
        return undo;
    }

    private void advanceClock(Instant venueTime) {
        if (clock == null || venueTime.isAfter(clock)) {
            clock = venueTime;
        }
        prices.advanceTo(clock);
        trades.advanceTo(clock);
    }

    public synchronized CoinSnapshot snapshot(Instant now) {
        PriceLevel bid = book == null ? null : book.bestBid().orElse(null);
        PriceLevel ask = book == null ? null : book.bestAsk().orElse(null);
        var bidPrice = bid == null ? null : bid.price();
        var askPrice = ask == null ? null : ask.price();
        var imbalance = book == null ? FeatureMath.imbalance(List.of(), List.of(), imbalanceDepth)
                : FeatureMath.imbalance(sizes(book.bids(imbalanceDepth)), sizes(book.asks(imbalanceDepth)), imbalanceDepth);
        Long age = processedAt == null ? null : Math.max(0, Duration.between(processedAt, now).toMillis());
        return new CoinSnapshot(coin, instrument == null ? null : instrument.symbol(),
                instrument == null ? null : instrument.venue().name(), prices.last(), bidPrice, askPrice,
                FeatureMath.mid(bidPrice, askPrice), FeatureMath.spread(bidPrice, askPrice), prices.momentumPct(),
                imbalance, trades.flow(), trades.vwap(), prices.volatilityPct(), age, lastVenueTime);
    }

    private static List<BigDecimal> sizes(List<PriceLevel> levels) {
        return levels.stream().map(PriceLevel::size).toList();
    }

    /** The top {@code depth} levels of each side and the book's size, as of {@code lastVenueTime}. */
    public record BookDepth(Instrument instrument, List<PriceLevel> bids, List<PriceLevel> asks, int bidLevels,
            int askLevels, Instant lastVenueTime) {
    }

    public synchronized BookDepth book(int depth) {
        if (book == null) {
            return new BookDepth(instrument, List.of(), List.of(), 0, 0, lastVenueTime);
        }
        return new BookDepth(instrument, book.bids(depth), book.asks(depth), book.bidLevels(), book.askLevels(),
                lastVenueTime);
    }

    /** The newest {@code limit} trades, newest first. */
    public synchronized List<TradeEvent> trades(int limit) {
        List<TradeEvent> out = new ArrayList<>(Math.min(limit, tape.size()));
        Iterator<TradeEvent> newestFirst = tape.iterator();
        while (newestFirst.hasNext() && out.size() < limit) {
            out.add(newestFirst.next());
        }
        return out;
    }

    /**
     * Why the coin has no state a trader may act on, empty when it has one: {@code rebuilding} after a reset until
     * the next trade, {@code no-data} before a trade or a two-sided book.
     */
    public synchronized Optional<String> invalidReason() {
        if (rebuilding) {
            return Optional.of("rebuilding");
        }
        return prices.last() != null || (book != null && mid(book) != null) ? Optional.empty() : Optional.of("no-data");
    }

    /** Times the state was found invalid and reset since start. */
    public synchronized long resets() {
        return resets;
    }

    public synchronized Instrument instrument() {
        return instrument;
    }

    /** The venue time of the last applied event, null before the first. */
    public synchronized Instant lastVenueTime() {
        return lastVenueTime;
    }

    /** When the last event was applied ({@code now} of {@link #apply}), null before the first. */
    public synchronized Instant processedAt() {
        return processedAt;
    }
}
