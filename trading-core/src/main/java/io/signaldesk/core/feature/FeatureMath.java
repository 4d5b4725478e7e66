package io.signaldesk.core.feature;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import io.signaldesk.core.market.BookImbalance;

/**
 * The arithmetic behind every market feature, the feed's and the model evaluator's: pure functions, no state.
 * Percentages and ratios at 4 decimals, HALF_EVEN.
 */
public final class FeatureMath {

    /** Decimal places of percentages and ratios in snapshots. */
    public static final int RATIO_SCALE = 4;

    private static final MathContext PRICE_CONTEXT = new MathContext(12, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FeatureMath() {
    }

    /** (last - reference) / reference in percent, 4 decimals; null when either is unknown or the reference is 0. */
    public static BigDecimal changePct(BigDecimal reference, BigDecimal last) {
        if (reference == null || last == null || reference.signum() == 0) {
            return null;
        }
        return last.subtract(reference).multiply(HUNDRED).divide(reference, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * Sample standard deviation (n - 1) of log returns in percent, 4 decimals, from their count, sum and sum of
     * squares; null below two returns.
     */
    public static BigDecimal stdevPct(int count, double sum, double sumOfSquares) {
        if (count < 2) {
            return null;
        }
        double variance = (sumOfSquares - sum * sum / count) / (count - 1);
        return BigDecimal.valueOf(Math.sqrt(Math.max(0.0, variance)) * 100.0).setScale(RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Natural log of {@code price / previous}. */
    public static double logReturn(BigDecimal previous, BigDecimal price) {
        return StrictMath.log(price.doubleValue() / previous.doubleValue());
    }

    /** Volume-weighted average price (12 significant digits), null without volume. */
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
     * Imbalance of the top {@code depth} levels of each side, given their sizes best first: bid share of their total
     * size (null when both sides are empty) and bid/ask size ratio (null without asks).
     */
    public static BookImbalance imbalance(List<BigDecimal> bidSizes, List<BigDecimal> askSizes, int depth) {
        BigDecimal bidVolume = volume(bidSizes, depth);
        BigDecimal askVolume = volume(askSizes, depth);
        BigDecimal total = bidVolume.add(askVolume);
        BigDecimal bidShare = total.signum() == 0 ? null : bidVolume.divide(total, RATIO_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal ratio = askVolume.signum() == 0 ? null
                : bidVolume.divide(askVolume, RATIO_SCALE, RoundingMode.HALF_EVEN);
        return new BookImbalance(bidShare, ratio, depth);
    }

    private static BigDecimal volume(List<BigDecimal> sizes, int depth) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < sizes.size() && i < depth; i++) {
            sum = sum.add(sizes.get(i));
        }
        return sum;
    }

    /** Drops trailing zeros without switching to exponent notation for whole numbers. */
    public static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
