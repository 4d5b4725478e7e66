package io.signaldesk.decision.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.ProposalKind;
import io.signaldesk.decision.domain.Side;

/** Paper-trading arithmetic: fill prices with slippage, fees, P&L. Pure, so tests can check exact numbers. */
public final class PaperMath {

    static final int SCALE = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PaperMath() {
    }

    /** True when the fill buys: opening a LONG or closing a SHORT. */
    public static boolean buys(ProposalKind kind, Side side) {
        return (kind == ProposalKind.ENTRY) == (side == Side.LONG);
    }

    /** The mark moved against us by the slippage: buys pay more, sells get less. */
    public static BigDecimal fillPrice(ProposalKind kind, Side side, BigDecimal mark, BigDecimal slippagePct) {
        BigDecimal factor = slippagePct.divide(HUNDRED);
        BigDecimal adjusted = buys(kind, side) ? mark.multiply(BigDecimal.ONE.add(factor))
                : mark.multiply(BigDecimal.ONE.subtract(factor));
        return adjusted.setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal fee(BigDecimal qty, BigDecimal price, BigDecimal feePct) {
        return qty.multiply(price).multiply(feePct).divide(HUNDRED).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Price move in our favour times quantity, before fees. */
    public static BigDecimal grossPnl(Side side, BigDecimal entry, BigDecimal exit, BigDecimal qty) {
        BigDecimal move = side == Side.LONG ? exit.subtract(entry) : entry.subtract(exit);
        return move.multiply(qty).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Unrealised P&L at {@code mark}, net of the entry fee already paid. */
    public static BigDecimal unrealized(Position position, BigDecimal mark) {
        return grossPnl(position.side(), position.entryPrice(), mark, position.qty()).subtract(position.entryFee());
    }

    /** The price {@code pct} percent away from {@code price}, against the side when {@code against}. */
    public static BigDecimal offset(BigDecimal price, Side side, BigDecimal pct, boolean against) {
        BigDecimal factor = pct.divide(HUNDRED);
        boolean down = (side == Side.LONG) == against;
        BigDecimal result = down ? price.multiply(BigDecimal.ONE.subtract(factor))
                : price.multiply(BigDecimal.ONE.add(factor));
        return result.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Quantity worth {@code pct} percent of {@code equity} at {@code price}, rounded down to 6 decimals. */
    public static BigDecimal quantity(BigDecimal equity, BigDecimal pct, BigDecimal price) {
        return equity.multiply(pct).divide(HUNDRED).divide(price, 6, RoundingMode.DOWN);
    }
}
