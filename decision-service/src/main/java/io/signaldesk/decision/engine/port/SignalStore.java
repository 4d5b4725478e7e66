package io.signaldesk.decision.engine.port;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.SignalOutcomes.Outcome;

/** Signals recorded for scoring, and their outcomes at each horizon. */
public interface SignalStore {

    /** A signal still waiting for the price at one horizon. */
    record PendingOutcome(long signalId, Signal signal, Duration horizon) {
    }

    /** Records {@code signal}, to be scored at each of {@code horizons}; its id. */
    long insert(Signal signal, List<Duration> horizons);

    void scored(long signalId, Outcome outcome, BigDecimal priceAtHorizon, Instant at);

    /** No price came at the horizon: the outcome is left out of every rate. */
    void unscorable(long signalId, Duration horizon, Instant at);

    List<PendingOutcome> pending();

    List<Outcome> latestOutcomes(int limit);

    long countUnscorable();

    void deleteAll();
}
