package io.signaldesk.decision.backtest;

import java.math.BigDecimal;

import io.signaldesk.decision.domain.Direction;
import io.signaldesk.decision.domain.RuleSignal;
import io.signaldesk.decision.service.RulesStrategy;
import io.signaldesk.decision.service.SignalScorer;

/**
 * The engine's rules strategy as far as candles can feed it. The live strategy needs three votes —
 * 60 s momentum, book imbalance and taker trade flow; candles carry only the first. Here the book and
 * flow votes abstain (they are unavailable, not assumed neutral or favourable), so the direction is
 * the engine's own {@link RulesStrategy#momentumOnly} on the 1-minute close-to-close change with the
 * same {@code decision.rules.momentum-pct}, and the confidence keeps only the momentum part of the
 * engine's ladder: 6 at the threshold, 7 at twice it, 8 at four times it (the book and flow bonuses
 * can never be earned, so 9 and 10 do not occur).
 */
public final class CandleRules {

    /** What candles cannot give; stated in every report. */
    public static final String DEGRADATION = "book imbalance and taker trade flow are not in candles: those two "
            + "votes of the rules strategy abstain, so it trades on 1-minute momentum alone (confidence 6-8)";

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private final RulesStrategy strategy;
    private final BigDecimal momentumPct;

    public CandleRules(RulesStrategy strategy, BigDecimal momentumPct) {
        this.strategy = strategy;
        this.momentumPct = momentumPct;
    }

    /** Momentum is the close-to-close change of the bar that just closed, the candle analogue of the 60 s window. */
    public static BigDecimal momentumPct(Candle previous, Candle current) {
        return SignalScorer.movePct(previous.close(), current.close());
    }

    public RuleSignal evaluate(BigDecimal momentum) {
        Direction direction = strategy.momentumOnly(momentum);
        String facts = "momentum %s%% (book and flow unavailable)".formatted(momentum.stripTrailingZeros().toPlainString());
        if (direction == Direction.WAIT) {
            return new RuleSignal(Direction.WAIT, 5, "WAIT: " + facts);
        }
        BigDecimal size = momentum.abs();
        int confidence = 6;
        if (size.compareTo(momentumPct.multiply(TWO)) >= 0) {
            confidence++;
        }
        if (size.compareTo(momentumPct.multiply(FOUR)) >= 0) {
            confidence++;
        }
        return new RuleSignal(direction, confidence, direction + ": " + facts);
    }
}
