package io.signaldesk.core.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

import io.signaldesk.core.trade.Direction;

/**
 * The one scoring rule. A signal is a hit when the realised move over the horizon went its way: LONG above
 * +band, SHORT below -band, WAIT within the band (inclusive). The move runs from the call's mark price to the
 * {@linkplain #priceAtHorizon price at the horizon}: the first mark seen at or after it. The live engine's scoring, the
 * backtest's scoreboard and the analyzer's model evaluation all score with it. Moves are percentages, 6 decimals;
 * rates 0-1, 4 decimals.
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

    /**
     * The price at a horizon: the first mark price seen at or after {@code due} (a call's time plus its horizon), empty
     * while none has been seen. It is the price a trader watching the market could act on once the horizon has passed,
     * the same whether the prices come every 10 ms (the live feed) or once a minute (candles), and a mark (mid) does not
     * bounce between bid and ask as the last trade does. {@code chronological} is oldest first; a random-access list is
     * searched by halves.
     */
    public static Optional<BigDecimal> priceAtHorizon(Iterable<PricePoint> chronological, Instant due) {
        if (chronological instanceof List<PricePoint> list && chronological instanceof RandomAccess) {
            int index = Collections.binarySearch(list, new PricePoint(due, BigDecimal.ZERO),
                    (a, b) -> a.at().compareTo(b.at()));
            int first = index >= 0 ? firstAt(list, index) : -index - 1;
            return first < list.size() ? Optional.of(list.get(first).price()) : Optional.empty();
        }
        for (PricePoint point : chronological) {
            if (pricesHorizon(point.at(), due)) {
                return Optional.of(point.price());
            }
        }
        return Optional.empty();
    }

    /**
     * The realised move of a call made at {@code at} on mark {@code from}, {@code horizon} later ({@link #movePct} to
     * {@link #priceAtHorizon}); empty while the horizon's price is not known.
     */
    public static Optional<BigDecimal> moveAtHorizon(BigDecimal from, Instant at, Duration horizon,
            Iterable<PricePoint> chronological) {
        return priceAtHorizon(chronological, at.plus(horizon)).map(to -> movePct(from, to));
    }

    /**
     * Whether a mark seen at {@code seen} can price a horizon {@code due} (it is at or after it): a scorer that watches
     * marks as they come, oldest first, scores a call at the first mark for which this holds, which is
     * {@link #priceAtHorizon}.
     */
    public static boolean pricesHorizon(Instant seen, Instant due) {
        return !seen.isBefore(due);
    }

    private static int firstAt(List<PricePoint> list, int index) {
        Instant at = list.get(index).at();
        while (index > 0 && list.get(index - 1).at().equals(at)) {
            index--;
        }
        return index;
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
