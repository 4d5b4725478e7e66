package io.signaldesk.core.paper;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What closing a position at a mark gets: the exit fill's price (the mark moved against us by the slippage), its fee,
 * and the round trip's net P&amp;L after both fees. An open position is valued with it too, so its unrealised P&amp;L is
 * what closing it now would realise, never the better figure at the mark.
 *
 * @param price  the exit fill's price
 * @param fee    the exit fill's fee
 * @param netPnl gross move at {@code price} minus the entry fee and {@code fee}
 */
public record ExitFill(BigDecimal price, BigDecimal fee, BigDecimal netPnl) {

    public ExitFill {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(netPnl, "netPnl");
    }
}
