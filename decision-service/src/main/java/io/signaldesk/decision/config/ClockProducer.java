package io.signaldesk.decision.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock of the decision path: every service asks it for "now" (decision times, cooldowns, proposal expiry,
 * fills, scoring horizons). Live it is the system's UTC clock; a backtest builds the same services on a
 * {@code SimulatedClock} that it moves to the market time of each event it replays.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
