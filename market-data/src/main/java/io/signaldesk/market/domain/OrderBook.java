package io.signaldesk.market.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A mutable L2 order book for one instrument: bids best (highest) first, asks best (lowest) first.
 * Not thread-safe; the owner serialises access.
 */
public final class OrderBook {

    private final Instrument instrument;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

    public OrderBook(Instrument instrument) {
        this.instrument = instrument;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Applies a snapshot (clears first) or an update. */
    public void apply(BookEvent event) {
        if (event.kind() == BookEvent.Kind.SNAPSHOT) {
            clear();
        }
        event.bids().forEach(level -> set(BookSide.BID, level));
        event.asks().forEach(level -> set(BookSide.ASK, level));
    }

    /** Sets a level to an absolute size; zero removes it. */
    public void set(BookSide side, PriceLevel level) {
        NavigableMap<BigDecimal, BigDecimal> levels = side == BookSide.BID ? bids : asks;
        if (level.size().signum() == 0) {
            levels.remove(level.price());
        } else {
            levels.put(level.price(), level.size());
        }
    }

    /** The size resting at a price, empty when there is no level there. */
    public Optional<BigDecimal> sizeAt(BookSide side, BigDecimal price) {
        return Optional.ofNullable((side == BookSide.BID ? bids : asks).get(price));
    }

    public void clear() {
        bids.clear();
        asks.clear();
    }

    public boolean isEmpty() {
        return bids.isEmpty() && asks.isEmpty();
    }

    public Optional<PriceLevel> bestBid() {
        return first(bids);
    }

    public Optional<PriceLevel> bestAsk() {
        return first(asks);
    }

    /** True when the best bid is at or above the best ask: the book cannot be trusted. */
    public boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0;
    }

    public List<PriceLevel> bids(int depth) {
        return top(bids, depth);
    }

    public List<PriceLevel> asks(int depth) {
        return top(asks, depth);
    }

    public int bidLevels() {
        return bids.size();
    }

    public int askLevels() {
        return asks.size();
    }

    private static Optional<PriceLevel> first(NavigableMap<BigDecimal, BigDecimal> levels) {
        Map.Entry<BigDecimal, BigDecimal> e = levels.firstEntry();
        return e == null ? Optional.empty() : Optional.of(new PriceLevel(e.getKey(), e.getValue()));
    }

    private static List<PriceLevel> top(NavigableMap<BigDecimal, BigDecimal> levels, int depth) {
        List<PriceLevel> out = new ArrayList<>(Math.min(depth, levels.size()));
        for (Map.Entry<BigDecimal, BigDecimal> e : levels.entrySet()) {
            if (out.size() >= depth) {
                break;
            }
            out.add(new PriceLevel(e.getKey(), e.getValue()));
        }
        return out;
    }
}
