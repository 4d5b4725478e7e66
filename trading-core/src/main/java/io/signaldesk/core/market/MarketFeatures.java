package io.signaldesk.core.market;

import java.math.BigDecimal;

/**
 * What the rules read of one coin at one moment: the price, 60 s momentum in percent, book imbalance and trade
 * flow. A field is null while the feed does not know it yet (the rules then wait).
 */
public record MarketFeatures(BigDecimal price, BigDecimal momentum60sPct, BookImbalance bookImbalance,
        TradeFlow tradeFlow) {

    /** Bid share of the book, or null. */
    public BigDecimal bidShare() {
        return bookImbalance == null ? null : bookImbalance.bidShare();
    }

    /** Taker buy volume of the window, or null. */
    public BigDecimal buyVolume() {
        return tradeFlow == null ? null : tradeFlow.buyVolume();
    }

    /** Taker sell volume of the window, or null. */
    public BigDecimal sellVolume() {
        return tradeFlow == null ? null : tradeFlow.sellVolume();
    }
}
