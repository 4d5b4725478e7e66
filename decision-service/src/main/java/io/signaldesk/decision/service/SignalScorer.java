package io.signaldesk.decision.service;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

import io.signaldesk.decision.domain.Direction;
import io.signaldesk.decision.domain.Signal;

/**
 * Scoring math. A signal is a hit when the realised move over the horizon went its way: LONG above
 * +band, SHORT below -band, WAIT within the band. The baselines are scored on the same instants.
 */
public final class SignalScorer {

    /** One signal scored at one horizon. */
    @RegisterForReflection
    public record Outcome(Signal signal, Duration horizon, BigDecimal movePct, Direction actual, boolean hit,
            boolean alwaysWaitHit, boolean momentumOnlyHit) {
    }

    /** Hit rates of a group of outcomes, with the two baselines over the very same instants. */
    @RegisterForReflection
    public record Stats(int scored, int hits, BigDecimal hitRate, BigDecimal alwaysWaitHitRate,
            BigDecimal momentumOnlyHitRate) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SignalScorer() {
    }

    /** Percentage move from {@code from} to {@code to}, 6 decimals. */
    public static BigDecimal movePct(BigDecimal from, BigDecimal to) {
        return to.subtract(from).multiply(HUNDRED).divide(from, 6, RoundingMode.HALF_UP);
    }

    /** What actually happened: LONG (up past the band), SHORT (down past it) or WAIT (flat). */
    public static Direction actual(BigDecimal movePct, BigDecimal flatBandPct) {
        if (movePct.compareTo(flatBandPct) > 0) {
            return Direction.LONG;
        }
        if (movePct.compareTo(flatBandPct.negate()) < 0) {
            return Direction.SHORT;
        }
        return Direction.WAIT;
    }

    public static Outcome score(Signal signal, Duration horizon, BigDecimal priceAtHorizon, BigDecimal flatBandPct) {
        BigDecimal move = movePct(signal.price(), priceAtHorizon);
        Direction actual = actual(move, flatBandPct);
        return new Outcome(signal, horizon, move, actual, signal.direction() == actual, actual == Direction.WAIT,
                signal.momentumDirection() == actual);
    }

    public static Stats stats(List<Outcome> outcomes) {
        int scored = outcomes.size();
        int hits = (int) outcomes.stream().filter(Outcome::hit).count();
        int waitHits = (int) outcomes.stream().filter(Outcome::alwaysWaitHit).count();
        int momentumHits = (int) outcomes.stream().filter(Outcome::momentumOnlyHit).count();
        return new Stats(scored, hits, rate(hits, scored), rate(waitHits, scored), rate(momentumHits, scored));
    }

    /** Confidence bucket: "1-3", "4-6" or "7-10". */
    public static String bucket(int confidence) {
        if (confidence <= 3) {
            return "1-3";
        }
        return confidence <= 6 ? "4-6" : "7-10";
    }

    private static BigDecimal rate(int hits, int scored) {
        return scored == 0 ? null : BigDecimal.valueOf(hits).divide(BigDecimal.valueOf(scored), 4, RoundingMode.HALF_UP);
    }
}
