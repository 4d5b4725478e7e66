package io.signaldesk.core.feature;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Trade prices of the last {@code window} (venue time), kept as a deque with running sums of log returns, so
 * momentum and volatility cost O(1) per trade (amortised) and never rescan the window.
 * <p>
 * Momentum compares the last price with the reference price: the newest price that left the window (the price in
 * force at window start), or the oldest price in the window when none has left yet. Volatility is the sample
 * standard deviation of the log returns of the prices in the window, each measured from the price before it (which
 * may already have left the window). A price at exactly {@code now - window} has left it.
 */
public final class PriceWindow {

    private record Sample(Instant time, BigDecimal price, double logReturn) {
    }

    private final Duration window;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private BigDecimal reference;
    private BigDecimal last;
    private int returnCount;
    private double returnSum;
    private double returnSquares;

    public PriceWindow(Duration window) {
        this.window = window;
    }

    public void add(Instant time, BigDecimal price) {
        double logReturn = last == null ? Double.NaN : FeatureMath.logReturn(last, price);
        samples.addLast(new Sample(time, price, logReturn));
        if (!Double.isNaN(logReturn)) {
            returnCount++;
            returnSum += logReturn;
            returnSquares += logReturn * logReturn;
        }
        last = price;
    }

    /** Drops the prices at or before {@code now - window}. */
    public void advanceTo(Instant now) {
        Instant cutoff = now.minus(window);
        while (!samples.isEmpty() && !samples.peekFirst().time().isAfter(cutoff)) {
            Sample gone = samples.pollFirst();
            if (!Double.isNaN(gone.logReturn())) {
                returnCount--;
                returnSum -= gone.logReturn();
                returnSquares -= gone.logReturn() * gone.logReturn();
            }
            reference = gone.price();
        }
        if (returnCount == 0) {
            returnSum = 0.0;
            returnSquares = 0.0;
        }
    }

    public BigDecimal last() {
        return last;
    }

    /** Change from the reference price to the last price in percent, 4 decimals; null before any price. */
    public BigDecimal momentumPct() {
        BigDecimal start = reference != null ? reference : samples.isEmpty() ? null : samples.peekFirst().price();
        return FeatureMath.changePct(start, last);
    }

    /** Sample standard deviation of the window's log returns in percent, 4 decimals; null below two returns. */
    public BigDecimal volatilityPct() {
        return FeatureMath.stdevPct(returnCount, returnSum, returnSquares);
    }

    public int size() {
        return samples.size();
    }
}
