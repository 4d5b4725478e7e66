package io.signaldesk.analyzer.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.eclipse.microprofile.openapi.models.media.Schema;

import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.Coin;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;

/**
 * The bounds of each field of a coin in a request (a field is null while the feed does not know it): a {@link Coin},
 * prices and sizes above 0 and at most 1e9, percentages, counts and ages within what a market can
 * show, at most 18 decimals. Every field out of bounds is one violation at its own path
 * ({@code market.coins[0].bookImbalance.bidShare}), so the 400 names it. {@link #BOUNDS} is the one list: the
 * validator checks it and the OpenAPI document shows it (rest/AnalysisOpenApiFilter, {@link Bound#document}).
 */
public class CoinBounds implements ConstraintValidator<ValidCoin, CoinSnapshot> {

    private static final BigDecimal PRICE_MAX = new BigDecimal("1000000000");

    /** Every bounded field of a coin, in the order its violations are reported. */
    public static final List<Bound> BOUNDS = List.of(
            Bound.ticker(),
            Bound.text("symbol", 30, CoinSnapshot::symbol),
            Bound.text("venue", 30, CoinSnapshot::venue),
            Bound.price("lastPrice", CoinSnapshot::lastPrice),
            Bound.price("bestBid", CoinSnapshot::bestBid),
            Bound.price("bestAsk", CoinSnapshot::bestAsk),
            Bound.price("midPrice", CoinSnapshot::midPrice),
            Bound.decimal("spread", "0", "1000000000", 10, CoinSnapshot::spread),
            Bound.decimal("momentum60sPct", "-100", "10000", 5, CoinSnapshot::momentum60sPct),
            Bound.decimal("bookImbalance.bidShare", "0", "1", 1, c -> book(c, BookImbalance::bidShare)),
            Bound.decimal("bookImbalance.bidAskRatio", "0", "1000000000", 10, c -> book(c, BookImbalance::bidAskRatio)),
            Bound.whole("bookImbalance.levels", 1000, c -> book(c, BookImbalance::levels)),
            Bound.whole("trades60s.buyCount", 1_000_000_000, c -> flow(c, TradeFlow::buyCount)),
            Bound.whole("trades60s.sellCount", 1_000_000_000, c -> flow(c, TradeFlow::sellCount)),
            Bound.decimal("trades60s.buyVolume", "0", "1000000000000000", 16, c -> flow(c, TradeFlow::buyVolume)),
            Bound.decimal("trades60s.sellVolume", "0", "1000000000000000", 16, c -> flow(c, TradeFlow::sellVolume)),
            Bound.price("vwap60s", CoinSnapshot::vwap60s),
            Bound.decimal("volatility60sPct", "0", "10000", 5, CoinSnapshot::volatility60sPct),
            Bound.whole("lastEventAgeMs", 31_536_000_000L, CoinSnapshot::lastEventAgeMs));

    @Override
    public boolean isValid(CoinSnapshot coin, ConstraintValidatorContext context) {
        if (coin == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        for (Bound bound : BOUNDS) {
            String violation = bound.violation(coin);
            if (violation != null) {
                valid = false;
                String[] path = bound.field().split("\\.");
                var node = context.buildConstraintViolationWithTemplate(violation).addPropertyNode(path[0]);
                for (int i = 1; i < path.length; i++) {
                    node = node.addPropertyNode(path[i]);
                }
                node.addConstraintViolation();
            }
        }
        return valid;
    }

    private static Object book(CoinSnapshot coin, Function<BookImbalance, Object> field) {
        return coin.bookImbalance() == null ? null : field.apply(coin.bookImbalance());
    }

    private static Object flow(CoinSnapshot coin, Function<TradeFlow, Object> field) {
        return coin.trades60s() == null ? null : field.apply(coin.trades60s());
    }

    /** What kind of value a field holds, and so how it is bounded. */
    public enum Kind {
        TICKER, TEXT, DECIMAL, WHOLE
    }

    /**
     * One field's bounds: its path in the coin ({@code bookImbalance.bidShare}), how to read it, and what it may be
     * (a minimum, exclusive or not, and a maximum for numbers, with at most {@code integerDigits} digits before the
     * point and 18 after it for decimals; a maximum length for text); {@code rule} is what a 400 says of it.
     */
    public record Bound(String field, Kind kind, Function<CoinSnapshot, Object> value, BigDecimal minimum,
            boolean exclusiveMinimum, BigDecimal maximum, int integerDigits, int maxLength, String rule) {

        static Bound ticker() {
            return new Bound("coin", Kind.TICKER, CoinSnapshot::coin, null, false, null, 0, 20, Coin.MESSAGE);
        }

        static Bound text(String field, int maxLength, Function<CoinSnapshot, Object> value) {
            return new Bound(field, Kind.TEXT, value, null, false, null, 0, maxLength, "size must be between 0 and " + maxLength);
        }

        static Bound price(String field, Function<CoinSnapshot, Object> value) {
            return new Bound(field, Kind.DECIMAL, value, BigDecimal.ZERO, true, PRICE_MAX, 10, 0,
                    "must be greater than 0 and at most 1e9, with at most 18 decimals");
        }

        static Bound decimal(String field, String min, String max, int integerDigits, Function<CoinSnapshot, Object> value) {
            return new Bound(field, Kind.DECIMAL, value, new BigDecimal(min), false, new BigDecimal(max), integerDigits, 0,
                    "must be from " + min + " to " + max + ", with at most " + integerDigits + " integer digits and 18 decimals");
        }

        static Bound whole(String field, long max, Function<CoinSnapshot, Object> value) {
            return new Bound(field, Kind.WHOLE, value, BigDecimal.ZERO, false, BigDecimal.valueOf(max), 0, 0,
                    "must be from 0 to " + max);
        }

        /** What a 400 says of this field of {@code coin}, or null when it is within bounds (or not known). */
        String violation(CoinSnapshot coin) {
            Object v = value.apply(coin);
            return switch (kind) {
                case TICKER -> v == null || v.toString().isBlank() ? "must not be blank"
                        : Coin.valid(v.toString()) ? null : rule;
                case TEXT -> v != null && v.toString().length() > maxLength ? rule : null;
                case DECIMAL -> v != null && !within((BigDecimal) v) ? rule : null;
                case WHOLE -> v != null && !within(BigDecimal.valueOf(((Number) v).longValue())) ? rule : null;
            };
        }

        private boolean within(BigDecimal v) {
            int low = v.compareTo(minimum);
            return (exclusiveMinimum ? low > 0 : low >= 0) && v.compareTo(maximum) <= 0
                    && (kind == Kind.WHOLE || digits(v, integerDigits));
        }

        /** At most {@code integer} digits before the point and 18 after it, as {@code @Digits} counts them. */
        private static boolean digits(BigDecimal value, int integer) {
            BigDecimal stripped = value.stripTrailingZeros();
            int fraction = Math.max(stripped.scale(), 0);
            return stripped.precision() - stripped.scale() <= integer && fraction <= 18;
        }

        /** Writes these bounds into the field's schema in the OpenAPI document, and the rule as its description. */
        public void document(Schema property) {
            switch (kind) {
                case TICKER -> property.pattern("^" + Coin.PATTERN + "$").minLength(1).maxLength(maxLength);
                case TEXT -> property.maxLength(maxLength);
                case DECIMAL, WHOLE -> {
                    if (exclusiveMinimum) {
                        property.exclusiveMinimum(minimum);
                    } else {
                        property.minimum(minimum);
                    }
                    property.maximum(maximum);
                }
            }
            property.description(kind == Kind.TICKER ? "Required: " + rule.substring("must be ".length())
                    : "Null while the feed does not know it; else " + rule.replaceFirst("^size must be", "length")
                            .replaceFirst("^must be ", ""));
        }
    }
}
