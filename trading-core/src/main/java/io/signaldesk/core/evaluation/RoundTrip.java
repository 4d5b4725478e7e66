package io.signaldesk.core.evaluation;

import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.paper.PaperMath;
import io.signaldesk.core.trade.PositionSide;

/**
 * A round trip's net result per unit of notional under the one {@link FeeModel}, in double for the many baseline trades
 * an evaluation simulates: {@link PaperMath}'s arithmetic (fill at the mark moved by the slippage against us, the taker
 * fee on each fill's notional), as a percent of the entry fill's notional.
 */
public final class RoundTrip {

    private RoundTrip() {
    }

    public static double netPct(PositionSide side, double entryMark, double exitMark, FeeModel fees) {
        double feePct = fees.takerFeePct().doubleValue();
        double slip = fees.slippagePct().doubleValue() / 100;
        boolean longSide = side == PositionSide.LONG;
        double entry = entryMark * (longSide ? 1 + slip : 1 - slip);
        double exit = exitMark * (longSide ? 1 - slip : 1 + slip);
        double gross = longSide ? exit - entry : entry - exit;
        double paid = (entry + exit) * feePct / 100;
        return (gross - paid) / entry * 100;
    }
}
