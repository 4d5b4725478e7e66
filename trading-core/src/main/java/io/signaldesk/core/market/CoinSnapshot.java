package io.signaldesk.core.market;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One coin of the feed's market snapshot, as market-feed-service publishes it on {@code /ws/market} and
 * {@code /api/market/snapshot}; a field is null while the feed does not know it yet.
 *
 * @param lastEventAgeMs milliseconds since the feed processed the coin's last event
 * @param updatedAt      venue time of the coin's last event
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoinSnapshot(String coin, String symbol, String venue, BigDecimal lastPrice, BigDecimal bestBid,
        BigDecimal bestAsk, BigDecimal midPrice, BigDecimal spread, BigDecimal momentum60sPct,
        BookImbalance bookImbalance, TradeFlow trades60s, BigDecimal vwap60s, BigDecimal volatility60sPct,
        Long lastEventAgeMs, Instant updatedAt) {

    /**
     * The venue of a snapshot made of 1-minute candles (a backtest): no book and no taker flow, the rules decide on the
     * momentum vote alone ({@code TradingRules.evaluate(CoinSnapshot)}).
     */
    public static final String CANDLES_VENUE = "CANDLES";

    /** True for a snapshot made of candles ({@link #CANDLES_VENUE}). */
    public boolean fromCandles() {
        return CANDLES_VENUE.equals(venue);
    }

    /** The same snapshot under {@code coin} (a feed's "btc" kept as the one {@link Coin} "BTC"). */
    public CoinSnapshot named(String coin) {
        return coin.equals(this.coin) ? this : new CoinSnapshot(coin, symbol, venue, lastPrice, bestBid, bestAsk, midPrice,
                spread, momentum60sPct, bookImbalance, trades60s, vwap60s, volatility60sPct, lastEventAgeMs, updatedAt);
    }

    /** The price we trade and mark at: mid when known, else last trade. */
    public BigDecimal markPrice() {
        return midPrice != null ? midPrice : lastPrice;
    }

    /** What the rules read: the mark price, momentum, book imbalance and trade flow. */
    public MarketFeatures features() {
        return new MarketFeatures(markPrice(), momentum60sPct, bookImbalance, trades60s);
    }
}
