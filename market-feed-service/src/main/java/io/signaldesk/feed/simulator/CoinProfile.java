package io.signaldesk.feed.simulator;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How one simulated coin trades: starting price, tick and lot size, typical trade and level size,
 * and a volatility multiplier relative to BTC.
 */
public record CoinProfile(String coin, BigDecimal startPrice, BigDecimal tickSize, BigDecimal lotSize,
        double tradeSize, double levelSize, double volatility) {

    public static CoinProfile of(String coin) {
        return switch (coin.toUpperCase(Locale.ROOT)) {
            case "BTC" -> new CoinProfile("BTC", new BigDecimal("95000.00"), new BigDecimal("0.01"),
                    new BigDecimal("0.00001"), 0.05, 0.6, 1.0);
            case "ETH" -> new CoinProfile("ETH", new BigDecimal("3300.00"), new BigDecimal("0.01"),
                    new BigDecimal("0.0001"), 0.8, 9.0, 1.3);
            case "SOL" -> new CoinProfile("SOL", new BigDecimal("180.00"), new BigDecimal("0.01"),
                    new BigDecimal("0.001"), 12.0, 150.0, 1.8);
            default -> new CoinProfile(coin.toUpperCase(Locale.ROOT), new BigDecimal("100.00"),
                    new BigDecimal("0.01"), new BigDecimal("0.001"), 20.0, 250.0, 1.5);
        };
    }

    /** Distance between book levels: a multiple of the tick close to 0.2 basis points of the price. */
    BigDecimal levelSpacing() {
        long ticks = Math.max(1, Math.round(startPrice.doubleValue() * 0.00002 / tickSize.doubleValue()));
        return tickSize.multiply(BigDecimal.valueOf(ticks));
    }
}
