package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.signaldesk.core.evaluation.RandomEntries;

/**
 * One coin's 1-minute closes, exact and compact: each close as its unscaled value (a {@code long}) and its scale (a
 * byte), 9 bytes a bar instead of a {@code Candle}'s ~250; {@link #get} gives back the very {@link BigDecimal} the file
 * had (value and scale, so every figure and printed price is the same). A close whose unscaled value does not fit a
 * long (more than 18 digits) is kept as it is, on the side. Bars are implicit: bar {@code i} is the i-th of a gapless
 * series. A {@link #slice} shares the arrays.
 */
public final class CloseColumn implements RandomEntries.Prices {

    /** 10^0 to 10^22: every one exact as a double. */
    private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

    private final long[] unscaled;
    private final byte[] scales;
    private final Map<Integer, BigDecimal> wide;
    private final int offset;
    private final int size;

    private CloseColumn(long[] unscaled, byte[] scales, Map<Integer, BigDecimal> wide, int offset, int size) {
        this.unscaled = unscaled;
        this.scales = scales;
        this.wide = wide;
        this.offset = offset;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The close of bar {@code i}, as the file wrote it. */
    public BigDecimal get(int i) {
        int at = offset + Objects.checkIndex(i, size);
        BigDecimal kept = wide.isEmpty() ? null : wide.get(at);
        return kept != null ? kept : BigDecimal.valueOf(unscaled[at], scales[at]);
    }

    /** Bars {@code from} (inclusive) to {@code to} (exclusive), sharing this column's arrays. */
    public CloseColumn slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new CloseColumn(unscaled, scales, wide, offset + from, to - from);
    }

    /** This slice on arrays of its own, so the bars cut off are let go. */
    public CloseColumn compact() {
        if (offset == 0 && size == unscaled.length) {
            return this;
        }
        Map<Integer, BigDecimal> kept = new HashMap<>();
        wide.forEach((at, close) -> {
            if (at >= offset && at < offset + size) {
                kept.put(at - offset, close);
            }
        });
        return new CloseColumn(Arrays.copyOfRange(unscaled, offset, offset + size),
                Arrays.copyOfRange(scales, offset, offset + size), Map.copyOf(kept), 0, size);
    }

    @Override
    public int length() {
        return size;
    }

    /** {@code get(i).doubleValue()}, without a BigDecimal when the quotient of two exact doubles gives it (the baseline reads millions). */
    @Override
    public double at(int i) {
        int at = offset + Objects.checkIndex(i, size);
        long value = unscaled[at];
        int scale = scales[at];
        if ((wide.isEmpty() || !wide.containsKey(at)) && scale >= 0 && scale < POWERS_OF_TEN.length
                && Math.abs(value) < 1L << 52) {
            return value / POWERS_OF_TEN[scale]; // both exact, so the one rounding IEEE division makes is the right one
        }
        return get(i).doubleValue();
    }

    /** Heap this column's arrays take, in bytes (a slice counts its share). */
    long bytes() {
        return (long) size * (Long.BYTES + Byte.BYTES);
    }

    /** Appends closes in bar order; {@link #build} trims the arrays to the bars read. */
    static final class Builder {
        private long[] unscaled = new long[1024];
        private byte[] scales = new byte[1024];
        private final Map<Integer, BigDecimal> wide = new HashMap<>();
        private int size;

        /** {@code close}'s scale must fit a byte (the reader allows -9 to 18). */
        void add(BigDecimal close) {
            if (size == unscaled.length) {
                int grown = size + (size >> 1);
                unscaled = Arrays.copyOf(unscaled, grown);
                scales = Arrays.copyOf(scales, grown);
            }
            if (close.unscaledValue().bitLength() < Long.SIZE) {
                unscaled[size] = close.unscaledValue().longValue();
                scales[size] = (byte) close.scale();
            } else {
                wide.put(size, close);
            }
            size++;
        }

        int size() {
            return size;
        }

        CloseColumn build() {
            return new CloseColumn(Arrays.copyOf(unscaled, size), Arrays.copyOf(scales, size), Map.copyOf(wide), 0, size);
        }
    }
}
