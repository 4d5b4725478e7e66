package io.signaldesk.feed.venue.kraken;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.signaldesk.market.domain.PriceLevel;

/**
 * Kraken's local book for one symbol, as its checksum needs it: levels keep the digits they arrived
 * with, and after every update the book is cut back to the subscribed depth (Kraken sends no
 * removal for levels that fall out of scope).
 */
public final class KrakenBook {

    private final int depth;
    private final NavigableMap<BigDecimal, PriceLevel> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, PriceLevel> asks = new TreeMap<>();

    public KrakenBook(int depth) {
        this.depth = depth;
    }

    public void clear() {
        bids.clear();
        asks.clear();
    }

    /**
     * Applies levels (size zero removes) and truncates.
     *
     * @return the levels cut off by truncation, as zero-size removals for consumers of the update
     */
    public Removed apply(List<PriceLevel> bidLevels, List<PriceLevel> askLevels) {
        bidLevels.forEach(level -> set(bids, level));
        askLevels.forEach(level -> set(asks, level));
        return new Removed(truncate(bids), truncate(asks));
    }

    public record Removed(List<PriceLevel> bids, List<PriceLevel> asks) {
    }

    public long checksum() {
        return KrakenChecksum.of(asks(KrakenChecksum.LEVELS), bids(KrakenChecksum.LEVELS));
    }

    public boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0;
    }

    public List<PriceLevel> bids(int levels) {
        return top(bids, levels);
    }

    public List<PriceLevel> asks(int levels) {
        return top(asks, levels);
    }

    public List<PriceLevel> bids() {
        return List.copyOf(bids.values());
    }

    public List<PriceLevel> asks() {
        return List.copyOf(asks.values());
    }

    private static void set(NavigableMap<BigDecimal, PriceLevel> side, PriceLevel level) {
        if (level.size().signum() == 0) {
            side.remove(level.price());
        } else {
            side.put(level.price(), level);
        }
    }

    private List<PriceLevel> truncate(NavigableMap<BigDecimal, PriceLevel> side) {
        List<PriceLevel> removed = new ArrayList<>();
        while (side.size() > depth) {
            PriceLevel worst = side.pollLastEntry().getValue();
            removed.add(new PriceLevel(worst.price(), BigDecimal.ZERO));
        }
        return removed;
    }

    private static List<PriceLevel> top(NavigableMap<BigDecimal, PriceLevel> side, int levels) {
        List<PriceLevel> out = new ArrayList<>(Math.min(levels, side.size()));
        for (PriceLevel level : side.values()) {
            if (out.size() >= levels) {
                break;
            }
            out.add(level);
        }
        return out;
    }
}
