package io.signaldesk.analyzer.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;

/**
 * The bounds of each field of a coin in a request (a field is null while the feed does not know it): a ticker of 2-10
 * letters or digits, prices and sizes above 0 and at most 1e9, percentages, counts and ages within what a market can
 * show, at most 18 decimals. Every field out of bounds is one violation at its own path
 * ({@code market.coins[0].bookImbalance.bidShare}), so the 400 names it.
 */
public class CoinBounds implements ConstraintValidator<ValidCoin, CoinSnapshot> {

    private static final Pattern TICKER = Pattern.compile("[A-Za-z0-9]{2,10}");
    private static final String PRICE = "must be greater than 0 and at most 1e9, with at most 18 decimals";

    @Override
    public boolean isValid(CoinSnapshot coin, ConstraintValidatorContext context) {
        if (coin == null) {
            return true;
        }
        Violations v = new Violations(context);
        if (coin.coin() == null || coin.coin().isBlank()) {
            v.add("must not be blank", "coin");
        } else if (!TICKER.matcher(coin.coin()).matches()) {
            v.add("must be a ticker of 2-10 letters or digits, e.g. BTC", "coin");
        }
        v.length(coin.symbol(), 30, "symbol");
        v.length(coin.venue(), 30, "venue");
        v.price(coin.lastPrice(), "lastPrice");
        v.price(coin.bestBid(), "bestBid");
        v.price(coin.bestAsk(), "bestAsk");
        v.price(coin.midPrice(), "midPrice");
        v.decimal(coin.spread(), "0", true, "1000000000", 10, "spread");
        v.decimal(coin.momentum60sPct(), "-100", true, "10000", 5, "momentum60sPct");
        BookImbalance book = coin.bookImbalance();
        if (book != null) {
            v.decimal(book.bidShare(), "0", true, "1", 1, "bookImbalance", "bidShare");
            v.decimal(book.bidAskRatio(), "0", true, "1000000000", 10, "bookImbalance", "bidAskRatio");
            v.whole(book.levels() == null ? null : (long) book.levels(), 1000, "bookImbalance", "levels");
        }
        TradeFlow flow = coin.trades60s();
        if (flow != null) {
            v.whole(flow.buyCount() == null ? null : (long) flow.buyCount(), 1_000_000_000, "trades60s", "buyCount");
            v.whole(flow.sellCount() == null ? null : (long) flow.sellCount(), 1_000_000_000, "trades60s", "sellCount");
            v.decimal(flow.buyVolume(), "0", true, "1000000000000000", 16, "trades60s", "buyVolume");
            v.decimal(flow.sellVolume(), "0", true, "1000000000000000", 16, "trades60s", "sellVolume");
        }
        v.price(coin.vwap60s(), "vwap60s");
        v.decimal(coin.volatility60sPct(), "0", true, "10000", 5, "volatility60sPct");
        v.whole(coin.lastEventAgeMs(), 31_536_000_000L, "lastEventAgeMs");
        return v.none();
    }

    /** The violations of one coin, each at its field's path. */
    private static final class Violations {
        private final ConstraintValidatorContext context;
        private boolean any;

        Violations(ConstraintValidatorContext context) {
            this.context = context;
            context.disableDefaultConstraintViolation();
        }

        void add(String message, String... path) {
            any = true;
            var node = context.buildConstraintViolationWithTemplate(message).addPropertyNode(path[0]);
            for (int i = 1; i < path.length; i++) {
                node = node.addPropertyNode(path[i]);
            }
            node.addConstraintViolation();
        }

        void length(String value, int max, String field) {
            if (value != null && value.length() > max) {
                add("size must be between 0 and " + max, field);
            }
        }

        void price(BigDecimal value, String field) {
            if (value != null && (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0
                    || !digits(value, 10))) {
                add(PRICE, field);
            }
        }

        void decimal(BigDecimal value, String min, boolean inclusive, String max, int integerDigits, String... path) {
            if (value == null) {
                return;
            }
            int low = value.compareTo(new BigDecimal(min));
            if (low < 0 || low == 0 && !inclusive || value.compareTo(new BigDecimal(max)) > 0 || !digits(value, integerDigits)) {
                add("must be from " + min + " to " + max + ", with at most " + integerDigits + " integer digits and 18 "
                        + "decimals", path);
            }
        }

        void whole(Long value, long max, String... path) {
            if (value != null && (value < 0 || value > max)) {
                add("must be from 0 to " + max, path);
            }
        }

        /** At most {@code integer} digits before the point and 18 after it, as {@code @Digits} counts them. */
        private static boolean digits(BigDecimal value, int integer) {
            BigDecimal stripped = value.stripTrailingZeros();
            int fraction = Math.max(stripped.scale(), 0);
            return stripped.precision() - stripped.scale() <= integer && fraction <= 18;
        }

        boolean none() {
            return !any;
        }
    }
}
