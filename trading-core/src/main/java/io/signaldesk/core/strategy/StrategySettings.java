package io.signaldesk.core.strategy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.edge.EdgeSettings;
import io.signaldesk.core.exit.ExitSettings;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.rules.RuleThresholds;

/**
 * The strategy that trades, in one record: the rules' thresholds and the entry cooldown, how positions are exited,
 * sized and charged, and the edge gate. The services read it from the {@code strategy.*} keys (one mapping,
 * service-common's {@code StrategyConfig}, whose defaults are the constants here); a backtest applies its request's
 * overrides to the service's record with the {@code with...} methods. Every part checks its own ranges.
 *
 * @param rules         the thresholds of {@link io.signaldesk.core.rules.TradingRules}
 * @param entryCooldown after an entry decision on a coin, no other entry decision on it for this long
 * @param exits         stop-loss, take-profit and when an exit check runs
 * @param sizing        starting equity and an entry's size
 * @param costs         the one cost model of fills, backtest and edge gate
 * @param edge          whether an entry needs a measured edge, and how it is measured
 */
public record StrategySettings(RuleThresholds rules, Duration entryCooldown, ExitSettings exits, Sizing sizing,
        FeeModel costs, Edge edge) {

    public static final String DEFAULT_ENTRY_COOLDOWN = "30s";
    /** The longest entry cooldown (a day). */
    public static final Duration MAX_ENTRY_COOLDOWN = Duration.ofDays(1);

    public static final StrategySettings DEFAULTS = new StrategySettings(RuleThresholds.DEFAULTS, Duration.ofSeconds(30),
            ExitSettings.DEFAULTS, Sizing.DEFAULTS, FeeModel.DEFAULTS, Edge.DEFAULTS);

    public StrategySettings {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(entryCooldown, "entryCooldown");
        Objects.requireNonNull(exits, "exits");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(edge, "edge");
        if (entryCooldown.isNegative() || entryCooldown.compareTo(MAX_ENTRY_COOLDOWN) > 0) {
            throw new IllegalArgumentException("entryCooldown must be 0s-1d: " + entryCooldown);
        }
    }

    /**
     * Starting equity and the size of an entry.
     *
     * @param initialEquity the paper account's starting equity, USDT
     * @param sizePct       an entry's notional in percent of equity (the risk governor may shrink it)
     */
    public record Sizing(BigDecimal initialEquity, BigDecimal sizePct) {

        public static final String DEFAULT_INITIAL_EQUITY = "10000";
        public static final String DEFAULT_SIZE_PCT = "2";
        public static final Sizing DEFAULTS = new Sizing(new BigDecimal(DEFAULT_INITIAL_EQUITY),
                new BigDecimal(DEFAULT_SIZE_PCT));

        public Sizing {
            Objects.requireNonNull(initialEquity, "initialEquity");
            Objects.requireNonNull(sizePct, "sizePct");
            if (initialEquity.signum() <= 0 || initialEquity.compareTo(new BigDecimal("1000000000")) > 0) {
                throw new IllegalArgumentException("initialEquity must be in (0, 1000000000]: " + initialEquity);
            }
            if (sizePct.signum() <= 0 || sizePct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("sizePct must be in (0, 100]: " + sizePct);
            }
        }
    }

    /**
     * The edge gate.
     *
     * @param mode         gate (an entry only on a proven edge), advise (proposed, marked unproven) or off
     * @param judge        how a setup's track record proves an edge
     * @param horizon      a call is scored by the move to the first mark at or after this much market time
     * @param regimeWindow the window whose price range sets a call's volatility regime
     * @param probeEvery   under {@code gate}, a model setup the gate stopped asking about is asked on the model's idle
     *                     time at most this often (market time), its answers scored like live ones; zero: never
     */
    public record Edge(EdgeGate mode, EdgeSettings judge, Duration horizon, Duration regimeWindow, Duration probeEvery) {

        public static final String DEFAULT_MODE = "gate";
        public static final String DEFAULT_HORIZON = "15m";
        public static final String DEFAULT_REGIME_WINDOW = "15m";
        public static final String DEFAULT_PROBE_EVERY = "5m";
        public static final Edge DEFAULTS = new Edge(EdgeGate.GATE, EdgeSettings.DEFAULTS, Duration.ofMinutes(15),
                Duration.ofMinutes(15), Duration.ofMinutes(5));

        public Edge {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(judge, "judge");
            Objects.requireNonNull(horizon, "horizon");
            Objects.requireNonNull(regimeWindow, "regimeWindow");
            if (horizon.compareTo(Duration.ofSeconds(1)) < 0 || horizon.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("horizon must be 1s-1d: " + horizon);
            }
            if (regimeWindow.compareTo(Duration.ofSeconds(1)) < 0 || regimeWindow.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("regimeWindow must be 1s-1d: " + regimeWindow);
            }
            Objects.requireNonNull(probeEvery, "probeEvery");
            if (probeEvery.isNegative() || probeEvery.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("probeEvery must be 0 (off) to 1d: " + probeEvery);
            }
        }

        public Edge withMode(EdgeGate mode) {
            return new Edge(mode, judge, horizon, regimeWindow, probeEvery);
        }

        /** Whether a gated model setup is probed on idle time. */
        public boolean probes() {
            return mode == EdgeGate.GATE && !probeEvery.isZero();
        }
    }

    public StrategySettings withRules(RuleThresholds rules) {
        return new StrategySettings(rules, entryCooldown, exits, sizing, costs, edge);
    }

    public StrategySettings withEntryCooldown(Duration entryCooldown) {
        return new StrategySettings(rules, entryCooldown, exits, sizing, costs, edge);
    }

    public StrategySettings withExits(ExitSettings exits) {
        return new StrategySettings(rules, entryCooldown, exits, sizing, costs, edge);
    }

    public StrategySettings withSizing(Sizing sizing) {
        return new StrategySettings(rules, entryCooldown, exits, sizing, costs, edge);
    }

    public StrategySettings withCosts(FeeModel costs) {
        return new StrategySettings(rules, entryCooldown, exits, sizing, costs, edge);
    }

    public StrategySettings withEdge(Edge edge) {
        return new StrategySettings(rules, entryCooldown, exits, sizing, costs, edge);
    }
}
