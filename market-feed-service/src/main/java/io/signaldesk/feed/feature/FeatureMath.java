package io.signaldesk.feed.feature;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import io.signaldesk.feed.domain.BookImbalance;
import io.signaldesk.feed.domain.PriceLevel;

/** The arithmetic behind every feature: pure functions over running sums, no state. */
public final class FeatureMath {

    /** Decimal places of percentages and ratios in snapshots. */
    public static final int RATIO_SCALE = 4;

    private static final MathContext PRICE_CONTEXT = new MathContext(12, RoundingMode.HALF_EVEN);

    private FeatureMath() {
    }

    /** (last - reference) / reference in percent, or null when either is unknown. */
    public static Double changePct(BigDecimal reference, BigDecimal last) {
        if (reference == null || last == null || reference.signum() == 0) {
            return null;
        }
        BigDecimal pct = last.subtract(reference).multiply(BigDecimal.valueOf(100))
                .divide(reference, RATIO_SCALE, RoundingMode.HALF_EVEN);
        return pct.doubleValue();
    }

    /**
     * Sample standard deviation (n - 1) of log returns in percent, from their count, sum and sum of
     * squares; null below two returns.
     */
    public static Double stdevPct(int count, double sum, double sumOfSquares) {
        if (count < 2) {
            return null;
        }
        double variance = (sumOfSquares - sum * sum / count) / (count - 1);
        return round(Math.sqrt(Math.max(0.0, variance)) * 100.0);
    }

    /** Natural log of {@code price / previous}. */
    public static double logReturn(BigDecimal previous, BigDecimal price) {
        return StrictMath.log(price.doubleValue() / previous.doubleValue());
    }

    /** Volume-weighted average price, null without volume. */
    public static BigDecimal vwap(BigDecimal notional, BigDecimal volume) {
        if (volume == null || volume.signum() == 0) {
            return null;
        }
        return tidy(notional.divide(volume, PRICE_CONTEXT));
    }

    public static BigDecimal mid(BigDecimal bid, BigDecimal ask) {
        return bid == null || ask == null ? null : tidy(bid.add(ask).divide(BigDecimal.valueOf(2)));
    }

    public static BigDecimal spread(BigDecimal bid, BigDecimal ask) {
        return bid == null || ask == null ? null : ask.subtract(bid);
    }

    /**
     * Imbalance of the top {@code depth} levels of each side: bid share of their total size and
     * bid/ask size ratio (null when a side is empty).
     */
    public static BookImbalance imbalance(List<PriceLevel> bids, List<PriceLevel> asks, int depth) {
        BigDecimal bidVolume = volume(bids, depth);
        BigDecimal askVolume = volume(asks, depth);
        BigDecimal total = bidVolume.add(askVolume);
        Double bidShare = total.signum() == 0 ? null
                : bidVolume.divide(total, RATIO_SCALE, RoundingMode.HALF_EVEN).doubleValue();
        Double ratio = askVolume.signum() == 0 ? null
                : bidVolume.divide(askVolume, RATIO_SCALE, RoundingMode.HALF_EVEN).doubleValue();
        return new BookImbalance(bidShare, ratio, depth);
    }

    private static BigDecimal volume(List<PriceLevel> levels, int depth) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < levels.size() && i < depth; i++) {
            sum = sum.add(levels.get(i).size());
        }
        return sum;
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(RATIO_SCALE, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Drops trailing zeros without switching to exponent notation for whole numbers. */
    static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
