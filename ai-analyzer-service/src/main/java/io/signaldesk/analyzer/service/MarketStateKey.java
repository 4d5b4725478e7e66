package io.signaldesk.analyzer.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.CoinSnapshotDto;

/** Quantises market figures with the configured steps, for cache keys. */
@ApplicationScoped
public class MarketStateKey {

    private final AnalyzerConfig.Cache cache;

    public MarketStateKey(AnalyzerConfig config) {
        this.cache = config.cache();
    }

    /** Momentum, book imbalance and trade flow of {@code coin}, each in buckets of the configured step. */
    public String of(CoinSnapshotDto coin) {
        BigDecimal bidShare = coin.bookImbalance() == null ? null : coin.bookImbalance().bidShare();
        return coin.coin() + ":m" + bucket(coin.momentum60sPct(), cache.momentumStep())
                + ":b" + bucket(bidShare, cache.imbalanceStep())
                + ":t" + bucket(buyShare(coin), cache.tradeFlowStep());
    }

    public String volatility(CoinSnapshotDto coin) {
        return "v" + bucket(coin.volatility60sPct(), cache.momentumStep());
    }

    public String pnl(BigDecimal pnlPct) {
        return "p" + bucket(pnlPct, cache.pnlStep());
    }

    private static String bucket(BigDecimal value, BigDecimal step) {
        return value == null ? "-" : value.divide(step, 0, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal buyShare(CoinSnapshotDto coin) {
        if (coin.trades60s() == null || coin.trades60s().buyCount() == null || coin.trades60s().sellCount() == null) {
            return null;
        }
        int total = coin.trades60s().buyCount() + coin.trades60s().sellCount();
        return total == 0 ? null : BigDecimal.valueOf(coin.trades60s().buyCount())
                .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
    }
}
