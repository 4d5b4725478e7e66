package io.signaldesk.analyzer.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.analyzer.ai.MarketPrompt;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.CoinSnapshot;
import io.signaldesk.analyzer.domain.EntryResult;
import io.signaldesk.analyzer.domain.ExitAction;
import io.signaldesk.analyzer.domain.ExitResult;
import io.signaldesk.analyzer.domain.RiskResult;
import io.signaldesk.analyzer.domain.Sentiment;
import io.signaldesk.analyzer.domain.SentimentResult;
import io.signaldesk.analyzer.domain.Signal;
import io.signaldesk.analyzer.domain.TradeSide;

/**
 * Deterministic analyses from three votes per coin (60 s momentum, book imbalance, trade flow), thresholds
 * from config. Used in RULES mode and for every fallback, so it must never fail.
 */
@ApplicationScoped
public class RuleBasedAnalyzer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AnalyzerConfig.Rules rules;

    public RuleBasedAnalyzer(AnalyzerConfig config) {
        this.rules = config.rules();
    }

    /** The coin with the strongest agreement of the votes (ties: strongest momentum, then order given). */
    public SentimentResult sentiment(List<CoinSnapshot> coins) {
        CoinSnapshot best = coins.stream()
                .max(Comparator.comparingInt((CoinSnapshot c) -> Math.abs(score(c)))
                        .thenComparing(c -> abs(c.momentum60sPct())))
                .orElseThrow(() -> new IllegalArgumentException("no coin to analyse"));
        int score = score(best);
        Sentiment sentiment = score >= 2 ? Sentiment.BULLISH : score <= -2 ? Sentiment.BEARISH : Sentiment.NEUTRAL;
        Signal signal = switch (sentiment) {
            case BULLISH -> Signal.LONG;
            case BEARISH -> Signal.SHORT;
            case NEUTRAL -> Signal.WAIT;
        };
        return new SentimentResult(sentiment, confidence(score), signal, best.coin(), facts(best));
    }

    public EntryResult entry(CoinSnapshot coin, TradeSide side) {
        int aligned = aligned(score(coin), side);
        boolean enter = aligned >= 2;
        return new EntryResult(enter, enter ? confidence(aligned) : confidence(Math.max(0, -aligned)),
                (enter ? "Votes back " : "Votes do not back ") + side + ": " + facts(coin));
    }

    public ExitResult exit(CoinSnapshot coin, TradeSide side, BigDecimal pnlPct) {
        int aligned = aligned(score(coin), side);
        String pnl = MarketPrompt.signedPct(pnlPct);
        if (pnlPct.compareTo(rules.exitStopLossPct().negate()) <= 0) {
            return new ExitResult(ExitAction.CLOSE, 9, "Loss " + pnl + " reached the stop-loss.");
        }
        if (pnlPct.compareTo(rules.exitTakeProfitPct()) >= 0) {
            return new ExitResult(ExitAction.CLOSE, 8, "Gain " + pnl + " reached the take-profit.");
        }
        if (aligned <= -2) {
            return new ExitResult(ExitAction.CLOSE, confidence(-aligned), "Market turned against " + side + " at "
                    + pnl + ": " + facts(coin));
        }
        return new ExitResult(ExitAction.HOLD, confidence(Math.max(aligned, 0)), "Holding at " + pnl + ": " + facts(coin));
    }

    /** Stop at a multiple of volatility (within bounds); size so that hitting it loses the per-trade risk. */
    public RiskResult risk(CoinSnapshot coin, TradeSide side) {
        BigDecimal volatility = coin.volatility60sPct() == null ? BigDecimal.ZERO : coin.volatility60sPct().abs();
        BigDecimal stop = volatility.multiply(rules.stopVolatilityMultiple())
                .max(rules.minStopLossPct()).min(rules.maxStopLossPct()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal size = rules.riskPerTradePct().multiply(HUNDRED).divide(stop, MathContext.DECIMAL64)
                .min(rules.maxPositionPct()).setScale(2, RoundingMode.HALF_UP);
        int aligned = aligned(score(coin), side);
        if (aligned < 0) {
            size = size.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        }
        return new RiskResult(size, stop, confidence(Math.max(aligned, 0)),
                "Stop " + stop.toPlainString() + "% from volatility, size risks " + rules.riskPerTradePct().toPlainString()
                        + "% of equity" + (aligned < 0 ? ", halved against the votes." : "."));
    }

    /** -3 (all votes bearish) to +3 (all bullish); a missing figure does not vote. */
    int score(CoinSnapshot coin) {
        int score = 0;
        BigDecimal momentum = coin.momentum60sPct();
        if (momentum != null) {
            score += momentum.compareTo(rules.momentumPct()) >= 0 ? 1 : momentum.compareTo(rules.momentumPct().negate()) <= 0 ? -1 : 0;
        }
        if (coin.bookImbalance() != null && coin.bookImbalance().bidShare() != null) {
            score += vote(coin.bookImbalance().bidShare(), rules.bidShare());
        }
        if (coin.trades60s() != null && coin.trades60s().buyCount() != null && coin.trades60s().sellCount() != null) {
            int total = coin.trades60s().buyCount() + coin.trades60s().sellCount();
            if (total > 0) {
                score += vote(BigDecimal.valueOf(coin.trades60s().buyCount())
                        .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64), rules.buyShare());
            }
        }
        return score;
    }

    private static int vote(BigDecimal share, BigDecimal threshold) {
        return share.compareTo(threshold) >= 0 ? 1 : share.compareTo(BigDecimal.ONE.subtract(threshold)) <= 0 ? -1 : 0;
    }

    private static int aligned(int score, TradeSide side) {
        return side == TradeSide.LONG ? score : -score;
    }

    private static int confidence(int votes) {
        return Math.min(10, 3 + 2 * Math.abs(votes));
    }

    private static BigDecimal abs(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.abs();
    }

    private static String facts(CoinSnapshot coin) {
        return coin.coin() + " momentum " + MarketPrompt.signedPct(coin.momentum60sPct())
                + ", bid share " + (coin.bookImbalance() == null || coin.bookImbalance().bidShare() == null ? "n/a"
                        : coin.bookImbalance().bidShare().multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP) + "%")
                + ", trades " + (coin.trades60s() == null ? "n/a"
                        : coin.trades60s().buyCount() + " buys/" + coin.trades60s().sellCount() + " sells")
                + ".";
    }
}
