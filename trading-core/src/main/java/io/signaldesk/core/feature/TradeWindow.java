package io.signaldesk.core.feature;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.core.market.TradeFlow;

/**
 * Trades of the last {@code window} (venue time) with exact running sums of buy and sell volume and notional:
 * counts, volumes and VWAP in O(1) per trade, no rescans. A trade at exactly {@code now - window} has left it.
 */
public final class TradeWindow {

    private record Entry(Instant time, Aggressor aggressor, BigDecimal size, BigDecimal notional) {
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

    public void add(Instant time, Aggressor aggressor, BigDecimal price, BigDecimal size) {
        Entry entry = new Entry(time, aggressor, size, price.multiply(size));
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
        if (entry.aggressor() == Aggressor.BUY) {
            buyCount += sign;
            buyVolume = buyVolume.add(size);
        } else {
            sellCount += sign;
            sellVolume = sellVolume.add(size);
        }
        notional = sign > 0 ? notional.add(entry.notional()) : notional.subtract(entry.notional());
    }

    /** Counts and volumes by aggressor; volumes without trailing zeros. */
    public TradeFlow flow() {
        return new TradeFlow(buyCount, sellCount, FeatureMath.tidy(buyVolume), FeatureMath.tidy(sellVolume));
    }

    /** Volume-weighted average price of the window, null without trades. */
    public BigDecimal vwap() {
        return FeatureMath.vwap(notional, buyVolume.add(sellVolume));
    }

    public int size() {
        return entries.size();
    }
}
