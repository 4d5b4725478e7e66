package io.signaldesk.core.paper;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;

/**
 * Paper-fill arithmetic, the one used by the live ledger and the backtest: fill prices moved against us by the
 * slippage, fees on notional, P&amp;L, sizing, stop and target prices. Prices and money at 8 decimals (HALF_UP),
 * quantities at 6 (DOWN). Percentages are in percent (0.1 means 0.1 %).
 */
public final class PaperMath {

    /** Decimal places of prices, fees and P&amp;L. */
    public static final int SCALE = 8;
    /** Decimal places of quantities (rounded down, so a position never costs more than its share of equity). */
    public static final int QTY_SCALE = 6;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PaperMath() {
    }

    /** True when the fill buys: opening a LONG or closing a SHORT. */
    public static boolean buys(ProposalKind kind, PositionSide side) {
        return (kind == ProposalKind.ENTRY) == (side == PositionSide.LONG);
    }

    /** The mark moved against us by the slippage: buys pay more, sells get less. */
    public static BigDecimal fillPrice(ProposalKind kind, PositionSide side, BigDecimal mark, BigDecimal slippagePct) {
        BigDecimal factor = slippagePct.divide(HUNDRED);
        BigDecimal adjusted = buys(kind, side) ? mark.multiply(BigDecimal.ONE.add(factor))
                : mark.multiply(BigDecimal.ONE.subtract(factor));
        return adjusted.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Fee on the fill's notional: qty x price x feePct / 100. */
    public static BigDecimal fee(BigDecimal qty, BigDecimal price, BigDecimal feePct) {
        return qty.multiply(price).multiply(feePct).divide(HUNDRED).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Price move in our favour times quantity, before fees. */
    public static BigDecimal grossPnl(PositionSide side, BigDecimal entry, BigDecimal exit, BigDecimal qty) {
        BigDecimal move = side == PositionSide.LONG ? exit.subtract(entry) : entry.subtract(exit);
        return move.multiply(qty).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Realised P&amp;L of a round trip: gross move minus both fees. */
    public static BigDecimal netPnl(PositionSide side, BigDecimal entry, BigDecimal exit, BigDecimal qty,
            BigDecimal entryFee, BigDecimal exitFee) {
        return grossPnl(side, entry, exit, qty).subtract(entryFee).subtract(exitFee);
    }

    /** The price {@code pct} percent away from {@code price}, against the side when {@code against}. */
    public static BigDecimal offset(BigDecimal price, PositionSide side, BigDecimal pct, boolean against) {
        BigDecimal factor = pct.divide(HUNDRED);
        boolean down = (side == PositionSide.LONG) == against;
        BigDecimal result = down ? price.multiply(BigDecimal.ONE.subtract(factor))
                : price.multiply(BigDecimal.ONE.add(factor));
        return result.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Quantity worth {@code pct} percent of {@code equity} at {@code price}, rounded down to 6 decimals. */
    public static BigDecimal quantity(BigDecimal equity, BigDecimal pct, BigDecimal price) {
        return equity.multiply(pct).divide(HUNDRED).divide(price, QTY_SCALE, RoundingMode.DOWN);
    }
}
