package io.signaldesk.decision.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;

/** Crafted market snapshots in the feed's contract shape. */
public final class Market {

    private Market() {
    }

    /** A coin whose momentum, book and trade flow all lean up (a rules LONG at default thresholds). */
    public static CoinSnapshot bullish(String coin, String price) {
        return coin(coin, price, "0.45", "0.70", "3.0", "1.0");
    }

    /** All three lean down (a rules SHORT). */
    public static CoinSnapshot bearish(String coin, String price) {
        return coin(coin, price, "-0.45", "0.30", "1.0", "3.0");
    }

    /** Nothing leans far enough (WAIT). */
    public static CoinSnapshot flat(String coin, String price) {
        return coin(coin, price, "0.01", "0.50", "1.0", "1.0");
    }

    public static CoinSnapshot coin(String coin, String price, String momentum, String bidShare, String buyVolume,
            String sellVolume) {
        BigDecimal p = new BigDecimal(price);
        return new CoinSnapshot(coin, coin + "USDT", "SIMULATOR", p, p, p, p, BigDecimal.ZERO, new BigDecimal(momentum),
                new BookImbalance(new BigDecimal(bidShare), null, 10),
                new TradeFlow(5, 2, new BigDecimal(buyVolume), new BigDecimal(sellVolume)), p,
                new BigDecimal("0.1"), 100L, Instant.now());
    }

    /** The same coin as of venue time {@code at}. */
    public static CoinSnapshot at(CoinSnapshot c, Instant at) {
        return new CoinSnapshot(c.coin(), c.symbol(), c.venue(), c.lastPrice(), c.bestBid(), c.bestAsk(), c.midPrice(),
                c.spread(), c.momentum60sPct(), c.bookImbalance(), c.trades60s(), c.vwap60s(), c.volatility60sPct(),
                c.lastEventAgeMs(), at);
    }

    public static FeedMessage snapshot(CoinSnapshot... coins) {
        return new FeedMessage("snapshot", Instant.now(), List.of(coins), null);
    }

    /** A snapshot from the feed run {@code feed} (the identity every feed frame carries). */
    public static FeedMessage snapshot(FeedIdentity feed, CoinSnapshot... coins) {
        return new FeedMessage("snapshot", Instant.now(), List.of(coins), null, feed);
    }

    /** The same snapshot as the feed would send it on /ws/market. */
    public static String frame(String coin, String price) {
        return """
                {"type":"snapshot","asOf":"2026-11-25T12:00:00Z","coins":[{"coin":"%s","symbol":"%sUSDT","venue":"SIMULATOR",
                 "lastPrice":%s,"bestBid":%s,"bestAsk":%s,"midPrice":%s,"spread":0.0,"momentum60sPct":0.35,
                 "bookImbalance":{"bidShare":0.62,"bidAskRatio":1.63,"levels":10},
                 "trades60s":{"buyCount":5,"sellCount":2,"buyVolume":1.25,"sellVolume":0.40},
                 "vwap60s":%s,"volatility60sPct":0.12,"lastEventAgeMs":120,"updatedAt":"2026-11-25T12:00:00Z"}]}"""
                .formatted(coin, coin, price, price, price, price, price);
    }
}
