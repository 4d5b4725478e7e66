package io.signaldesk.common.config;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.edge.EdgeSettings;
import io.signaldesk.core.exit.ExitSettings;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.rules.RuleThresholds;
import io.signaldesk.core.strategy.StrategySettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The strategy's settings under {@code strategy.}, read by the decision service (its engine and backtests) and the
 * analyzer (its rules answers) alike, so a threshold set once (e.g. env STRATEGY_RULES_MOMENTUM_PCT) changes both.
 * The defaults are the core's ({@link StrategySettings}); {@link #settings()} is the record the code uses, and a value
 * out of its range stops the start naming the key.
 */
@ConfigMapping(prefix = "strategy")
public interface StrategyConfig {

    /** The rules' thresholds. */
    Rules rules();

    /** After an entry decision on a coin, no other entry decision on it for this long (0s-1d). */
    @WithDefault(StrategySettings.DEFAULT_ENTRY_COOLDOWN)
    Duration entryCooldown();

    /** Stop-loss, take-profit and exit checks. */
    Exit exit();

    /** Starting equity and entry size. */
    Sizing sizing();

    /** What a fill costs. */
    Costs costs();

    /** The edge gate. */
    Edge edge();

    interface Rules {
        /** Minimum absolute 60 s momentum, percent, for a LONG or a SHORT (0-100]. */
        @WithDefault(RuleThresholds.DEFAULT_MOMENTUM_PCT)
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        BigDecimal momentumPct();

        /** Minimum share of bid volume in the top book levels for a LONG; 1 minus it for a SHORT (0.5-1). */
        @WithDefault(RuleThresholds.DEFAULT_BID_SHARE)
        @DecimalMin("0.5")
        @DecimalMax("1")
        BigDecimal bidShare();

        /** Taker buy volume at least this multiple of sell volume for a LONG, the reverse for a SHORT (1-1000). */
        @WithDefault(RuleThresholds.DEFAULT_FLOW_RATIO)
        @DecimalMin("1")
        @DecimalMax("1000")
        BigDecimal flowRatio();
    }

    interface Exit {
        /** Stop-loss distance, percent of the entry price (0-100). */
        @WithDefault(ExitSettings.DEFAULT_STOP_LOSS_PCT)
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax(value = "100", inclusive = false)
        BigDecimal stopLossPct();

        /** Take-profit distance, percent of the entry price (0-1000]. */
        @WithDefault(ExitSettings.DEFAULT_TAKE_PROFIT_PCT)
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1000")
        BigDecimal takeProfitPct();

        /** How often each open position is checked for an exit. */
        @WithDefault(ExitSettings.DEFAULT_CHECK_EVERY)
        Duration checkEvery();

        /** A move against a position of this many percent since its last check triggers a check at once. */
        @WithDefault(ExitSettings.DEFAULT_ADVERSE_MOVE_PCT)
        @DecimalMin(value = "0", inclusive = false)
        BigDecimal adverseMovePct();
    }

    interface Sizing {
        /** The paper account's starting equity, USDT. */
        @WithDefault(StrategySettings.Sizing.DEFAULT_INITIAL_EQUITY)
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1000000000")
        BigDecimal initialEquity();

        /** An entry's notional, percent of equity (0-100]; the risk governor's max-position-pct caps it. */
        @WithDefault(StrategySettings.Sizing.DEFAULT_SIZE_PCT)
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        BigDecimal sizePct();
    }

    interface Costs {
        /** Taker fee of one fill, percent of notional (0-10). */
        @WithDefault(FeeModel.DEFAULT_FEE_PCT)
        @DecimalMin("0")
        @DecimalMax("10")
        BigDecimal feePct();

        /** Price moved against us on one fill, percent (0-10). */
        @WithDefault(FeeModel.DEFAULT_SLIPPAGE_PCT)
        @DecimalMin("0")
        @DecimalMax("10")
        BigDecimal slippagePct();
    }

    interface Edge {
        /** gate: an entry only on a proven edge (else WAIT "no measured edge"); advise: proposed, marked unproven; off. */
        @WithDefault(StrategySettings.Edge.DEFAULT_MODE)
        EdgeGate mode();

        /** Scored calls a setup needs before it can prove an edge (2-100000). */
        @WithDefault(EdgeSettings.DEFAULT_MIN_SAMPLE)
        @Min(2)
        @Max(100_000)
        int minSample();

        /** One-sided confidence of the expectancy's lower bound (0.5-0.999). */
        @WithDefault(EdgeSettings.DEFAULT_CONFIDENCE)
        @DecimalMin("0.5")
        @DecimalMax("0.999")
        double confidence();

        /** Pseudo-calls of no move the record is shrunk toward (0-10000). */
        @WithDefault(EdgeSettings.DEFAULT_PRIOR_STRENGTH)
        @DecimalMin("0")
        @DecimalMax("10000")
        double priorStrength();

        /**
         * A call is scored by the move from its price to the first mark at or after this much market time; 15m, the
         * median time the engine holds an entry (14 min over the Q4 2024 backtest's 1,104 round trips).
         */
        @WithDefault(StrategySettings.Edge.DEFAULT_HORIZON)
        Duration horizon();

        /** The window whose price range sets a call's volatility regime (ACTIVE from twice the round trip). */
        @WithDefault(StrategySettings.Edge.DEFAULT_REGIME_WINDOW)
        Duration regimeWindow();

        /**
         * Under gate, a model setup the gate stopped asking about (AI, RULES+AI) is asked on the model's idle time at most
         * this often (market time), its answers scored like live ones and never acted on, so it can earn its way back; 0s: never.
         */
        @WithDefault(StrategySettings.Edge.DEFAULT_PROBE_EVERY)
        Duration probeEvery();
    }

    /** The keys as the core's record (its constructors check what the annotations cannot: durations). */
    default StrategySettings settings() {
        Exit exit = exit();
        Edge edge = edge();
        return new StrategySettings(
                new RuleThresholds(rules().momentumPct(), rules().bidShare(), rules().flowRatio()), entryCooldown(),
                new ExitSettings(exit.stopLossPct(), exit.takeProfitPct(), exit.checkEvery(), exit.adverseMovePct()),
                new StrategySettings.Sizing(sizing().initialEquity(), sizing().sizePct()),
                new FeeModel(costs().feePct(), costs().slippagePct()),
                new StrategySettings.Edge(edge.mode(), new EdgeSettings(edge.minSample(), edge.confidence(),
                        edge.priorStrength()), edge.horizon(), edge.regimeWindow(), edge.probeEvery()));
    }
}
