package io.signaldesk.core.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.MarketFeatures;
import io.signaldesk.core.trade.Direction;

/**
 * The one rule set. LONG when momentum, book imbalance and trade flow all lean up past their thresholds, SHORT when
 * all lean down, WAIT otherwise (and while a figure is unknown). Confidence is 6 at the thresholds, +1 for each of:
 * momentum at twice the threshold, at four times it, the favourable book share 0.10 past its threshold, the
 * favourable flow at twice the ratio; at most 10. The decision engine, the analyzer's rules fallback and the backtest
 * all call its one entry, {@link #evaluate(CoinSnapshot)}, so the same snapshot gets the same answer everywhere (a
 * candle snapshot included: before, the analyzer read the features of one and answered "not enough market data yet"
 * where the engine said LONG at 7).
 */
public final class TradingRules {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal BOOK_BONUS = new BigDecimal("0.1");

    private final RuleThresholds thresholds;

    public TradingRules(RuleThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public RuleThresholds thresholds() {
        return thresholds;
    }

    /**
     * The rules on one coin of the feed's snapshot; a snapshot made of 1-minute candles (venue
     * {@link CoinSnapshot#CANDLES_VENUE}, a backtest) has no book and no taker flow, so those two votes abstain (they
     * are unavailable, neither neutral nor favourable) and the momentum vote decides alone ({@link #momentumAlone}).
     */
    public RuleSignal evaluate(CoinSnapshot coin) {
        return coin.fromCandles() ? momentumAlone(coin.momentum60sPct()) : evaluate(coin.features());
    }

    /**
     * The momentum vote alone, with the momentum part of the confidence ladder (6 at the threshold, 7 at twice it, 8 at
     * four times it): what 1-minute candles can feed the rules.
     */
    RuleSignal momentumAlone(BigDecimal momentum) {
        if (momentum == null) {
            return new RuleSignal(Direction.WAIT, RuleSignal.WAIT_CONFIDENCE, "not enough market data yet");
        }
        Direction direction = momentumOnly(momentum);
        String facts = "momentum %s%% (book and flow unavailable in candles)".formatted(
                momentum.stripTrailingZeros().toPlainString());
        if (direction == Direction.WAIT) {
            return new RuleSignal(Direction.WAIT, RuleSignal.WAIT_CONFIDENCE, "WAIT: " + facts);
        }
        return new RuleSignal(direction, momentumConfidence(momentum), direction + ": " + facts);
    }

    /** The three votes on a live snapshot's features (the core's tests call it; callers go through the snapshot). */
    RuleSignal evaluate(MarketFeatures features) {
        BigDecimal momentum = features.momentum60sPct();
        BigDecimal share = features.bidShare();
        BigDecimal buy = features.buyVolume();
        BigDecimal sell = features.sellVolume();
        if (momentum == null || share == null || buy == null || sell == null) {
            return new RuleSignal(Direction.WAIT, RuleSignal.WAIT_CONFIDENCE, "not enough market data yet");
        }
        String facts = "momentum %s%%, bids %s%% of book, buy/sell volume %s/%s".formatted(
                momentum.stripTrailingZeros().toPlainString(),
                share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString(),
                buy.stripTrailingZeros().toPlainString(), sell.stripTrailingZeros().toPlainString());
        BigDecimal ratio = thresholds.flowRatio();
        boolean longSetup = momentum.compareTo(thresholds.momentumPct()) >= 0
                && share.compareTo(thresholds.bidShare()) >= 0
                && buy.signum() > 0 && buy.compareTo(sell.multiply(ratio)) >= 0;
        boolean shortSetup = momentum.compareTo(thresholds.momentumPct().negate()) <= 0
                && share.compareTo(BigDecimal.ONE.subtract(thresholds.bidShare())) <= 0
                && sell.signum() > 0 && sell.compareTo(buy.multiply(ratio)) >= 0;
        if (longSetup) {
            return new RuleSignal(Direction.LONG, confidence(momentum.abs(), share, buy, sell), "LONG: " + facts);
        }
        if (shortSetup) {
            return new RuleSignal(Direction.SHORT, confidence(momentum.abs(), BigDecimal.ONE.subtract(share), sell, buy),
                    "SHORT: " + facts);
        }
        return new RuleSignal(Direction.WAIT, RuleSignal.WAIT_CONFIDENCE, "WAIT: " + facts);
    }

    /**
     * The momentum vote alone: LONG at or above the threshold, SHORT at or below its negative, else WAIT. It is the
     * momentum-only baseline of scoring, and all the backtest can evaluate on 1-minute candles (no book, no flow).
     */
    public Direction momentumOnly(BigDecimal momentumPct) {
        if (momentumPct == null) {
            return Direction.WAIT;
        }
        if (momentumPct.compareTo(thresholds.momentumPct()) >= 0) {
            return Direction.LONG;
        }
        if (momentumPct.compareTo(thresholds.momentumPct().negate()) <= 0) {
            return Direction.SHORT;
        }
        return Direction.WAIT;
    }

    /** The momentum part of the confidence ladder: 6 at the threshold, 7 at twice it, 8 at four times it. */
    public int momentumConfidence(BigDecimal momentumPct) {
        BigDecimal size = momentumPct.abs();
        int confidence = 6;
        if (size.compareTo(thresholds.momentumPct().multiply(TWO)) >= 0) {
            confidence++;
        }
        if (size.compareTo(thresholds.momentumPct().multiply(FOUR)) >= 0) {
            confidence++;
        }
        return confidence;
    }

    private int confidence(BigDecimal momentum, BigDecimal favourableShare, BigDecimal with, BigDecimal against) {
        int confidence = momentumConfidence(momentum);
        if (favourableShare.compareTo(thresholds.bidShare().add(BOOK_BONUS)) >= 0) {
            confidence++;
        }
        if (with.compareTo(against.multiply(thresholds.flowRatio()).multiply(TWO)) >= 0) {
            confidence++;
        }
        return Math.min(confidence, 10);
    }
}
