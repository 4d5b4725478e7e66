package io.signaldesk.analyzer.evaluate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import io.signaldesk.analyzer.domain.MarketSnapshotDto;

/**
 * The market at one instant of a replay, and what each coin's price did next: the move in percent from its mark to the
 * trading core's price at +1 min and +5 min ({@code SignalScorer.priceAtHorizon}: the first mark at or after, as the
 * decision engine scores a call; absent when the replay ends before that).
 */
public record ReplaySample(Instant at, MarketSnapshotDto market, Map<String, BigDecimal> move1mPct,
        Map<String, BigDecimal> move5mPct) {

    public ReplaySample {
        move1mPct = Map.copyOf(move1mPct);
        move5mPct = Map.copyOf(move5mPct);
    }
}
