package io.signaldesk.feed.feature;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

import io.signaldesk.feed.domain.Side;
import io.signaldesk.feed.domain.TradeFlow;

/**
 * Trades of the last {@code window} with exact running sums (BigDecimal) of buy and sell volume and
 * notional: counts, volumes and VWAP in O(1) per trade, no rescans.
 */
public final class TradeWindow {

    private record Entry(Instant time, Side side, BigDecimal size, BigDecimal notional) {
    }

    private final Duration window;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private int buyCount;
    private int sellCount;
    private BigDecimal buyVolume = BigDecimal.ZERO;
    private BigDecimal sellVolume = BigDecimal.ZERO;
    private BigDecimal notional = BigDecimal.ZERO;

    public TradeWindow(Duration window) {
        this.window = window;
    }

    public void add(Instant time, Side side, BigDecimal price, BigDecimal size) {
        Entry entry = new Entry(time, side, size, price.multiply(size));
        entries.addLast(entry);
        count(entry, 1);
    }

    /** Drops the trades at or before {@code now - window}. */
    public void advanceTo(Instant now) {
        Instant cutoff = now.minus(window);
        while (!entries.isEmpty() && !entries.peekFirst().time().isAfter(cutoff)) {
            count(entries.pollFirst(), -1);
        }
    }

    private void count(Entry entry, int sign) {
        BigDecimal size = sign > 0 ? entry.size() : entry.size().negate();
        if (entry.side() == Side.BUY) {
            buyCount += sign;
            buyVolume = buyVolume.add(size);
        } else {
            sellCount += sign;
            sellVolume = sellVolume.add(size);
        }
        notional = sign > 0 ? notional.add(entry.notional()) : notional.subtract(entry.notional());
    }

    public TradeFlow flow() {
        return new TradeFlow(buyCount, sellCount, FeatureMath.tidy(buyVolume), FeatureMath.tidy(sellVolume));
    }

    public BigDecimal vwap() {
        return FeatureMath.vwap(notional, buyVolume.add(sellVolume));
    }

    public int size() {
        return entries.size();
    }
}
