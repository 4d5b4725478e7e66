package io.signaldesk.core.evaluation;

import java.time.Instant;
import java.util.Objects;

import io.signaldesk.core.trade.PositionSide;

/**
 * One closed round trip as an evaluation reads it: who proposed it ({@code source}, {@code confidence} 1-10), the
 * side, when it opened and closed, the marks (prices before slippage) at both ends and its measured net result in
 * percent of the entry notional (after fees and slippage).
 */
public record Trade(String coin, String source, int confidence, PositionSide side, Instant entryAt, Instant exitAt,
        double entryMark, double exitMark, double netPct) {

    public Trade {
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entryAt, "entryAt");
        Objects.requireNonNull(exitAt, "exitAt");
        if (!(entryMark > 0) || !(exitMark > 0) || !Double.isFinite(netPct)) {
            throw new IllegalArgumentException("marks must be positive and the result finite");
        }
    }
}
