package io.signaldesk.core.paper;

import java.math.BigDecimal;
import java.util.Objects;

import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;

/**
 * The one cost model: every paper fill is a market order, so it pays the taker fee on its notional and fills at the
 * mark moved against us by the slippage. Paper fills, the backtest, buy-and-hold and the edge gate all price a trade
 * with it; {@link #roundTripPct()} is what an entry and its exit cost together. Percentages are percent.
 *
 * @param takerFeePct fee of one fill, percent of notional ({@code strategy.costs.fee-pct})
 * @param slippagePct price moved against us on one fill, percent ({@code strategy.costs.slippage-pct})
 */
public record FeeModel(BigDecimal takerFeePct, BigDecimal slippagePct) {

    public static final String DEFAULT_FEE_PCT = "0.1";
    public static final String DEFAULT_SLIPPAGE_PCT = "0.05";
    /** 0.1 % fee and 0.05 % slippage a fill: a 0.30 % round trip. */
    public static final FeeModel DEFAULTS = new FeeModel(new BigDecimal(DEFAULT_FEE_PCT), new BigDecimal(DEFAULT_SLIPPAGE_PCT));

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public FeeModel {
        Objects.requireNonNull(takerFeePct, "takerFeePct");
        Objects.requireNonNull(slippagePct, "slippagePct");
        if (takerFeePct.signum() < 0 || slippagePct.signum() < 0 || takerFeePct.compareTo(BigDecimal.TEN) > 0
                || slippagePct.compareTo(BigDecimal.TEN) > 0) {
            throw new IllegalArgumentException("fees and slippage must be 0-10: " + takerFeePct + ", " + slippagePct);
        }
    }

    /** The price one fill gets at {@code mark}. */
    public BigDecimal fillPrice(ProposalKind kind, PositionSide side, BigDecimal mark) {
        return PaperMath.fillPrice(kind, side, mark, slippagePct);
    }

    /** The fee of one fill of {@code qty} at {@code price}. */
    public BigDecimal fee(BigDecimal qty, BigDecimal price) {
        return PaperMath.fee(qty, price, takerFeePct);
    }

    /**
     * Closing {@code qty} of a {@code side} position entered at {@code entryPrice} (its fee {@code entryFee} paid) with
     * a market order at {@code mark}: the exit fill's price and fee and the round trip's net P&amp;L. The paper exit and
     * an open position's unrealised P&amp;L both read it.
     */
    public ExitFill exit(PositionSide side, BigDecimal entryPrice, BigDecimal qty, BigDecimal entryFee, BigDecimal mark) {
        BigDecimal price = fillPrice(ProposalKind.EXIT, side, mark);
        BigDecimal fee = fee(qty, price);
        return new ExitFill(price, fee, PaperMath.netPnl(side, entryPrice, price, qty, entryFee, fee));
    }

    /**
     * What a round trip costs in percent of the entry's notional, to first order: two fees and two slippages
     * (0.1 % fee and 0.05 % slippage: 0.30 %). A move in the trade's favour must exceed it to make money.
     */
    public BigDecimal roundTripPct() {
        return takerFeePct.add(slippagePct).multiply(TWO);
    }
}
