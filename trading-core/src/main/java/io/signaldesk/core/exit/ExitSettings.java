package io.signaldesk.core.exit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How positions are exited: stop-loss and take-profit distances from the entry price, and when an exit check runs
 * (every {@code checkEvery}, or at once after an adverse move of {@code adverseMovePct} since the last check).
 * The defaults are text constants for the services' {@code @WithDefault} (strategy.exit.stop-loss-pct,
 * strategy.exit.take-profit-pct, strategy.exit.check-every, strategy.exit.adverse-move-pct).
 */
public record ExitSettings(BigDecimal stopLossPct, BigDecimal takeProfitPct, Duration checkEvery,
        BigDecimal adverseMovePct) {

    public static final String DEFAULT_STOP_LOSS_PCT = "1.5";
    public static final String DEFAULT_TAKE_PROFIT_PCT = "3";
    public static final String DEFAULT_CHECK_EVERY = "10s";
    public static final String DEFAULT_ADVERSE_MOVE_PCT = "0.5";

    public static final ExitSettings DEFAULTS = new ExitSettings(new BigDecimal(DEFAULT_STOP_LOSS_PCT),
            new BigDecimal(DEFAULT_TAKE_PROFIT_PCT), Duration.ofSeconds(10), new BigDecimal(DEFAULT_ADVERSE_MOVE_PCT));

    public ExitSettings {
        Objects.requireNonNull(stopLossPct, "stopLossPct");
        Objects.requireNonNull(takeProfitPct, "takeProfitPct");
        Objects.requireNonNull(checkEvery, "checkEvery");
        Objects.requireNonNull(adverseMovePct, "adverseMovePct");
        if (stopLossPct.signum() <= 0 || stopLossPct.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("stopLossPct must be in (0, 100): " + stopLossPct);
        }
        if (takeProfitPct.signum() <= 0 || takeProfitPct.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("takeProfitPct must be in (0, 1000]: " + takeProfitPct);
        }
        if (checkEvery.isNegative() || adverseMovePct.signum() <= 0) {
            throw new IllegalArgumentException("checkEvery must not be negative, adverseMovePct must be above 0");
        }
    }
}
