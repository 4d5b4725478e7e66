package io.signaldesk.core.edge;

import java.math.BigDecimal;

/**
 * How much the coin has been moving, measured against what a trade costs: ACTIVE when its price range (high minus low
 * over low) over the recent window is at least twice the round-trip cost, CALM below, UNKNOWN before the window has two
 * prices. A setup's track record is kept per regime: a call that pays in an active market may not in a calm one.
 */
public enum VolatilityRegime {
    CALM, ACTIVE, UNKNOWN;

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** The regime of a window whose range is {@code rangePct} (null: unknown), trades costing {@code roundTripPct}. */
    public static VolatilityRegime of(BigDecimal rangePct, BigDecimal roundTripPct) {
        if (rangePct == null) {
            return UNKNOWN;
        }
        return rangePct.compareTo(roundTripPct.multiply(TWO)) >= 0 ? ACTIVE : CALM;
    }
}
