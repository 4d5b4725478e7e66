package io.signaldesk.core.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The thresholds of the one rule set ({@link TradingRules}). The defaults live here, as text constants so that the
 * services' {@code @WithDefault} on {@code strategy.rules.*} read the very same values: one place to change a threshold.
 *
 * @param momentumPct minimum absolute 60 s momentum, in percent, for a LONG (at or above) or a SHORT (at or below the
 *                    negative)
 * @param bidShare    minimum share of bid volume in the top book levels (0.5-1) for a LONG; 1 minus it is the most
 *                    a SHORT may have
 * @param flowRatio   taker buy volume must be at least this multiple of sell volume for a LONG (sell of buy for a
 *                    SHORT); at least 1
 */
public record RuleThresholds(BigDecimal momentumPct, BigDecimal bidShare, BigDecimal flowRatio) {

    /** Default of {@code strategy.rules.momentum-pct}. */
    public static final String DEFAULT_MOMENTUM_PCT = "0.2";
    /** Default of {@code strategy.rules.bid-share}. */
    public static final String DEFAULT_BID_SHARE = "0.55";
    /** Default of {@code strategy.rules.flow-ratio}. */
    public static final String DEFAULT_FLOW_RATIO = "1.2";

    public static final RuleThresholds DEFAULTS = new RuleThresholds(new BigDecimal(DEFAULT_MOMENTUM_PCT),
            new BigDecimal(DEFAULT_BID_SHARE), new BigDecimal(DEFAULT_FLOW_RATIO));

    public RuleThresholds {
        Objects.requireNonNull(momentumPct, "momentumPct");
        Objects.requireNonNull(bidShare, "bidShare");
        Objects.requireNonNull(flowRatio, "flowRatio");
        if (momentumPct.signum() <= 0 || momentumPct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("momentumPct must be in (0, 100]: " + momentumPct);
        }
        if (bidShare.compareTo(new BigDecimal("0.5")) < 0 || bidShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("bidShare must be in [0.5, 1]: " + bidShare);
        }
        if (flowRatio.compareTo(BigDecimal.ONE) < 0 || flowRatio.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("flowRatio must be in [1, 1000]: " + flowRatio);
        }
    }
}
