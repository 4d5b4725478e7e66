package io.signaldesk.analyzer.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.CoinSnapshot;

/** Quantises market figures with the configured steps, for cache keys. */
@ApplicationScoped
public class MarketStateKey {

    private final AnalyzerConfig.Cache cache;

    public MarketStateKey(AnalyzerConfig config) {
        this.cache = config.cache();
    }

    public String of(CoinSnapshot coin) {
        Integer buys = coin.trades60s() == null ? null : coin.trades60s().buyCount();
        Integer sells = coin.trades60s() == null ? null : coin.trades60s().sellCount();
        BigDecimal bidShare = coin.bookImbalance() == null ? null : coin.bookImbalance().bidShare();
        return coin.coin() + ":m" + bucket(coin.momentum60sPct(), cache.momentumStep())
                + ":v" + bucket(coin.volatility60sPct(), cache.momentumStep())
                + ":b" + bucket(bidShare, cache.imbalanceStep())
                + ":t" + bucket(buys, cache.tradeCountStep()) + "/" + bucket(sells, cache.tradeCountStep());
    }

    public String pnl(BigDecimal pnlPct) {
        return "p" + bucket(pnlPct, cache.pnlStep());
    }

    private static String bucket(BigDecimal value, BigDecimal step) {
        return value == null ? "-" : value.divide(step, 0, RoundingMode.HALF_UP).toPlainString();
    }

    private static String bucket(Integer value, int step) {
        return value == null ? "-" : String.valueOf(Math.round((double) value / step));
    }
}
