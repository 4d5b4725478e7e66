package io.signaldesk.core.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.signaldesk.core.trade.Direction;

/**
 * The one scoring rule. A signal is a hit when the realised move over the horizon went its way: LONG above
 * +band, SHORT below -band, WAIT within the band (inclusive). The live engine's scoring, the backtest's scoreboard
 * and the analyzer's model evaluation all score with it. Moves are percentages, 6 decimals; rates 0-1, 4 decimals.
 */
public final class SignalScorer {

    /** Default flat band (decision.scoring.flat-band-pct): a move within +/- 0.05 % counts as flat. */
    public static final String DEFAULT_FLAT_BAND_PCT = "0.05";
    public static final BigDecimal FLAT_BAND_PCT = new BigDecimal(DEFAULT_FLAT_BAND_PCT);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SignalScorer() {
    }

    /** Percentage move from {@code from} to {@code to}, 6 decimals HALF_UP. */
    public static BigDecimal movePct(BigDecimal from, BigDecimal to) {
        return to.subtract(from).multiply(HUNDRED).divide(from, 6, RoundingMode.HALF_UP);
    }

    /** What actually happened: LONG (up past the band), SHORT (down past it) or WAIT (within it). */
    public static Direction actual(BigDecimal movePct, BigDecimal flatBandPct) {
        if (movePct.compareTo(flatBandPct) > 0) {
            return Direction.LONG;
        }
        if (movePct.compareTo(flatBandPct.negate()) < 0) {
            return Direction.SHORT;
        }
        return Direction.WAIT;
    }

    /** Whether {@code direction} called the move right. */
    public static boolean hit(Direction direction, BigDecimal movePct, BigDecimal flatBandPct) {
        return direction == actual(movePct, flatBandPct);
    }

    /** Confidence bucket: "1-3", "4-6" or "7-10". */
    public static String bucket(int confidence) {
        if (confidence <= 3) {
            return "1-3";
        }
        return confidence <= 6 ? "4-6" : "7-10";
    }

    /** hits / scored, 4 decimals HALF_UP; null when nothing was scored. */
    public static BigDecimal rate(long hits, long scored) {
        return scored == 0 ? null
                : BigDecimal.valueOf(hits).divide(BigDecimal.valueOf(scored), 4, RoundingMode.HALF_UP);
    }
}
