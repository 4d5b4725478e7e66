package io.signaldesk.feed.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signaldesk.market.domain.MarketEvent;

/**
 * A seeded, clock-free market: every call to {@link #next(Instant)} advances each coin by the time
 * elapsed since the previous call and returns the events of that step. The same seed and the same
 * sequence of instants give the same events, so tests drive it directly and production from a timer.
 */
public final class MarketSimulator {

    private final List<SimulatedCoin> coins = new ArrayList<>();
    private Instant previous;

    public MarketSimulator(long seed, List<String> coins) {
        for (String coin : coins) {
            this.coins.add(new SimulatedCoin(CoinProfile.of(coin), seed ^ ((long) coin.hashCode() * 0x9E3779B97F4A7C15L)));
        }
    }

    /** Advances to {@code now} (steps longer than 5 s are shortened) and returns the events, coin by coin. */
    public List<MarketEvent> next(Instant now) {
        double seconds = previous == null ? 0.0 : Math.min(5.0, Math.max(0.0, (now.toEpochMilli() - previous.toEpochMilli()) / 1000.0));
        previous = now;
        List<MarketEvent> events = new ArrayList<>();
        for (SimulatedCoin coin : coins) {
            coin.step(now, seconds, events);
        }
        return events;
    }

    /** Current regime of each coin, for tests and logs. */
    public Map<String, Regime> regimes() {
        Map<String, Regime> out = new LinkedHashMap<>();
        coins.forEach(coin -> out.put(coin.profile().coin(), coin.regime()));
        return out;
    }

    /** The latent order-flow pressure of each coin (-1 sell .. +1 buy) that tilts both book and drift. */
    public Map<String, Double> pressures() {
        Map<String, Double> out = new LinkedHashMap<>();
        coins.forEach(coin -> out.put(coin.profile().coin(), coin.pressure()));
        return out;
    }
}
