package io.signaldesk.analyzer.config;

import java.math.BigDecimal;

import io.signaldesk.core.exit.ExitSettings;
import io.signaldesk.core.rules.RuleThresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The trading core's rule thresholds and stop/target, read from the very keys the decision service reads
 * ({@code decision.rules.*}, {@code decision.paper.default-stop-loss-pct}, {@code decision.paper.take-profit-pct}),
 * defaults from the core: the labelled rules fallback answers exactly as the engine's rules decide. Set a key once
 * for both services (e.g. env DECISION_RULES_MOMENTUM_PCT) and both change.
 */
@ConfigMapping(prefix = "decision")
public interface TradingRulesConfig {

    /** Rule thresholds ({@code decision.rules.*}). */
    Rules rules();

    /** Stop-loss and take-profit of the paper trader ({@code decision.paper.*}). */
    Paper paper();

    interface Rules {
        /** Minimum absolute 60 s momentum in percent for a rules signal. */
        @WithDefault(RuleThresholds.DEFAULT_MOMENTUM_PCT)
        BigDecimal momentumPct();

        /** Minimum share of bid volume in the book (0.5-1) for a LONG; 1 minus this for a SHORT. */
        @WithDefault(RuleThresholds.DEFAULT_BID_SHARE)
        BigDecimal bidShare();

        /** Buy volume must be at least this multiple of sell volume for a LONG (and the reverse for a SHORT). */
        @WithDefault(RuleThresholds.DEFAULT_FLOW_RATIO)
        BigDecimal flowRatio();
    }

    interface Paper {
        /** Stop-loss distance in percent of the entry price. */
        @WithDefault(ExitSettings.DEFAULT_STOP_LOSS_PCT)
        BigDecimal defaultStopLossPct();

        /** Take-profit distance in percent of the entry price. */
        @WithDefault(ExitSettings.DEFAULT_TAKE_PROFIT_PCT)
        BigDecimal takeProfitPct();
    }
}
