package io.signaldesk.decision.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.signaldesk.decision.client.FeedCoin;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Direction;
import io.signaldesk.decision.domain.RuleSignal;

/**
 * The rule-based strategy: LONG when momentum, book imbalance and trade flow all lean up past their
 * thresholds, SHORT when all lean down, WAIT otherwise. Confidence grows with how far past them they are.
 */
@ApplicationScoped
public class RulesStrategy {

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final BigDecimal momentumPct;
    private final BigDecimal bidShare;
    private final BigDecimal flowRatio;

    @Inject
    public RulesStrategy(DecisionConfig config) {
        this(config.rules().momentumPct(), config.rules().bidShare(), config.rules().flowRatio());
    }

    public RulesStrategy(BigDecimal momentumPct, BigDecimal bidShare, BigDecimal flowRatio) {
        this.momentumPct = momentumPct;
        this.bidShare = bidShare;
        this.flowRatio = flowRatio;
    }

    /**
     * The venue of a snapshot made of 1-minute candles (a backtest): candles have no book and no taker flow, so those
     * two votes abstain (unavailable, neither neutral nor favourable) and the momentum vote decides alone, with the
     * momentum part of the confidence ladder (6-8).
     */
    public static final String CANDLES = "CANDLES";

    public RuleSignal evaluate(FeedCoin coin) {
        if (CANDLES.equals(coin.venue())) {
            return momentumAlone(coin.momentum60sPct());
        }
        BigDecimal momentum = coin.momentum60sPct();
        BigDecimal share = coin.bookImbalance() == null ? null : coin.bookImbalance().bidShare();
        BigDecimal buy = coin.trades60s() == null ? null : coin.trades60s().buyVolume();
        BigDecimal sell = coin.trades60s() == null ? null : coin.trades60s().sellVolume();
        if (momentum == null || share == null || buy == null || sell == null) {
            return new RuleSignal(Direction.WAIT, 5, "not enough market data yet");
        }
        String facts = "momentum %s%%, bids %s%% of book, buy/sell volume %s/%s".formatted(
                momentum.stripTrailingZeros().toPlainString(),
                share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString(),
                buy.stripTrailingZeros().toPlainString(), sell.stripTrailingZeros().toPlainString());
        boolean longSetup = momentum.compareTo(momentumPct) >= 0 && share.compareTo(bidShare) >= 0
                && buy.signum() > 0 && buy.compareTo(sell.multiply(flowRatio)) >= 0;
        boolean shortSetup = momentum.compareTo(momentumPct.negate()) <= 0 && share.compareTo(ONE.subtract(bidShare)) <= 0
                && sell.signum() > 0 && sell.compareTo(buy.multiply(flowRatio)) >= 0;
        if (longSetup) {
            return new RuleSignal(Direction.LONG, confidence(momentum.abs(), share, buy, sell), "LONG: " + facts);
        }
        if (shortSetup) {
            return new RuleSignal(Direction.SHORT, confidence(momentum.abs(), ONE.subtract(share), sell, buy),
                    "SHORT: " + facts);
        }
        return new RuleSignal(Direction.WAIT, 5, "WAIT: " + facts);
    }

    private RuleSignal momentumAlone(BigDecimal momentum) {
        Direction direction = momentumOnly(momentum);
        if (momentum == null) {
            return new RuleSignal(Direction.WAIT, 5, "not enough market data yet");
        }
        String facts = "momentum %s%% (book and flow unavailable in candles)".formatted(
                momentum.stripTrailingZeros().toPlainString());
        if (direction == Direction.WAIT) {
            return new RuleSignal(Direction.WAIT, 5, "WAIT: " + facts);
        }
        BigDecimal size = momentum.abs();
        int confidence = 6;
        if (size.compareTo(momentumPct.multiply(TWO)) >= 0) {
            confidence++;
        }
        if (size.compareTo(momentumPct.multiply(BigDecimal.valueOf(4))) >= 0) {
            confidence++;
        }
        return new RuleSignal(direction, confidence, direction + ": " + facts);
    }

    /** The momentum-only baseline: the sign of momentum past the threshold, nothing else. */
    public Direction momentumOnly(BigDecimal momentum) {
        if (momentum == null) {
            return Direction.WAIT;
        }
        if (momentum.compareTo(momentumPct) >= 0) {
            return Direction.LONG;
        }
        if (momentum.compareTo(momentumPct.negate()) <= 0) {
            return Direction.SHORT;
        }
        return Direction.WAIT;
    }

    /** 6 at the thresholds, +1 for each of: momentum twice, four times the threshold, book 10 points past, flow twice. */
    private int confidence(BigDecimal momentum, BigDecimal favourableShare, BigDecimal with, BigDecimal against) {
        int confidence = 6;
        if (momentum.compareTo(momentumPct.multiply(TWO)) >= 0) {
            confidence++;
        }
        if (momentum.compareTo(momentumPct.multiply(BigDecimal.valueOf(4))) >= 0) {
            confidence++;
        }
        if (favourableShare.compareTo(bidShare.add(new BigDecimal("0.1"))) >= 0) {
            confidence++;
        }
        if (with.compareTo(against.multiply(flowRatio).multiply(TWO)) >= 0) {
            confidence++;
        }
        return Math.min(confidence, 10);
    }
}
