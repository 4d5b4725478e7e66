package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.evaluation.DirectionAccuracy;
import io.signaldesk.core.evaluation.Proportion;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.domain.Signal;

/**
 * Recorded signals scored with the trading core's one rule ({@link SignalScorer}), and hit rates of a group of them
 * with the two baselines (always WAIT, momentum only) over the very same instants.
 */
public final class SignalOutcomes {

    /** One signal scored at one horizon. */
    @RegisterForReflection
    public record Outcome(Signal signal, Duration horizon, BigDecimal movePct, Direction actual, boolean hit,
            boolean alwaysWaitHit, boolean momentumOnlyHit) {
    }

    /**
     * A group of outcomes: {@code direction}, the accuracy of its LONG/SHORT calls whose move passed the flat band (with
     * a 95 % interval and a p-value against 50 %), beside {@code alwaysLong} (the share of those moves that went up);
     * and the older hit rates, which count a WAIT inside the band as a hit, with the two baselines over the very same
     * instants; {@code hitShare} is that hit rate's count with its Wilson 95 % interval, and no p-value: always-WAIT, not a
     * coin flip, is what a hit rate that counts WAITs is to beat.
     */
    @RegisterForReflection
    public record Stats(int scored, int hits, BigDecimal hitRate, BigDecimal alwaysWaitHitRate,
            BigDecimal momentumOnlyHitRate, DirectionAccuracy direction, DirectionAccuracy alwaysLong,
            Proportion hitShare) {
    }

    private SignalOutcomes() {
    }

    public static Outcome score(Signal signal, Duration horizon, BigDecimal priceAtHorizon, BigDecimal flatBandPct) {
        BigDecimal move = SignalScorer.movePct(signal.price(), priceAtHorizon);
        Direction actual = SignalScorer.actual(move, flatBandPct);
        return new Outcome(signal, horizon, move, actual, signal.direction() == actual, actual == Direction.WAIT,
                signal.momentumDirection() == actual);
    }

    public static Stats stats(List<Outcome> outcomes) {
        int scored = outcomes.size();
        int hits = (int) outcomes.stream().filter(Outcome::hit).count();
        int waitHits = (int) outcomes.stream().filter(Outcome::alwaysWaitHit).count();
        int momentumHits = (int) outcomes.stream().filter(Outcome::momentumOnlyHit).count();
        List<Outcome> directional = outcomes.stream()
                .filter(o -> o.signal().direction() != Direction.WAIT && o.actual() != Direction.WAIT).toList();
        int directionHits = (int) directional.stream().filter(Outcome::hit).count();
        int ups = (int) directional.stream().filter(o -> o.actual() == Direction.LONG).count();
        return new Stats(scored, hits, SignalScorer.rate(hits, scored), SignalScorer.rate(waitHits, scored),
                SignalScorer.rate(momentumHits, scored), DirectionAccuracy.of(directionHits, directional.size()),
                DirectionAccuracy.of(ups, directional.size()), Proportion.of(hits, scored));
    }
}
