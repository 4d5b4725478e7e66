package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.models.media.Schema;

import io.signaldesk.common.error.Shorten;
import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;

/**
 * The bounds of a backtest request's numbers and names, the one list both read: {@link Overrides} and
 * {@link BacktestService} check a field against its entry (a 400 naming it), and the OpenAPI document shows it on the
 * BacktestRequest schema ({@code api/DecisionOpenApiFilter}). The strategy's ranges are the trading core's own
 * (RuleThresholds, ExitSettings, FeeModel, StrategySettings): checked here first so the 400 names the field and its
 * range; the core's records still refuse anything outside them.
 */
public final class BacktestBounds {

    static final int DEFAULT_DECISIONS = 500;
    static final int MAX_DECISIONS = 5000;
    static final int MAX_TRIALS = 10_000;
    public static final int MAX_HORIZONS = 6;
    public static final int MAX_HORIZON_MINUTES = 1440;
    /** from and to: an ISO-8601 instant is shorter; a longer text is refused before it is parsed. */
    public static final int MAX_INSTANT_LENGTH = 40;
    /** A backtest's analyzerUrl: at most this long, and an http(s) URL with a host. */
    public static final int MAX_URL = 500;
    public static final String URL_PATTERN = "^https?://[^/?#\\s]+(?:[/?#]\\S*)?$";
    /** A walk-forward's train, test, step and holdout hours (holdout from 0, the others from 1). */
    public static final int MAX_WALK_FORWARD_HOURS = WalkForward.MAX_HOURS;

    /**
     * A candle run's length: one coin-minute (a coin's 1-minute bar, one frame's evaluation of it) per this many bytes
     * of the heap's bound. A run keeps about 300 bytes a coin-minute (its scored calls and signals, which its evaluation
     * reads at the end; its closes 9) while it runs: the rest is the service's own heap and the collector's room. Under
     * the default -Xmx128m: about 164,000 coin-minutes (3 coins × 38 days, 10 coins × 11 days; measured: 164,495).
     */
    public static final int HEAP_BYTES_PER_COIN_MINUTE = 800;

    /** The most coin-minutes (coins × bars in the range) a candle run may replay in this JVM's heap. */
    public static long maxCoinMinutes() {
        return Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_COIN_MINUTE;
    }

    /** Every bounded number of a request, by field. */
    public static final Map<String, Range> NUMBERS = List.of(
            Range.whole("autoMinConfidence", 1, 10),
            Range.whole("entryCooldownSeconds", 0, 86_400),
            Range.decimal("momentumPct", "0", true, "100", false),
            Range.decimal("bidShare", "0.5", false, "1", false),
            Range.decimal("flowRatio", "1", false, "1000", false),
            Range.decimal("feePct", "0", false, "10", false),
            Range.decimal("slippagePct", "0", false, "10", false),
            Range.decimal("flatBandPct", "0", true, "10", false),
            Range.decimal("sizePct", "0", true, "100", false),
            Range.decimal("stopLossPct", "0", true, "100", true),
            Range.decimal("takeProfitPct", "0", true, "1000", false),
            Range.decimal("initialEquity", "0", true, "1000000000", false),
            Range.whole("decisionsOffset", 0, Integer.MAX_VALUE),
            Range.whole("decisionsLimit", 1, MAX_DECISIONS),
            Range.whole("sentimentEverySeconds", (int) Overrides.MIN_SENTIMENT_EVERY_S, (int) Overrides.MAX_SENTIMENT_EVERY_S),
            Range.whole("trials", 1, MAX_TRIALS))
            .stream().collect(Collectors.toMap(Range::field, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    /** The names a request may give, by field, as the parsing reads them (any case). */
    public static final Map<String, List<String>> NAMES = Map.of(
            "mode", names(Mode.values(), Mode::name),
            "policy", names(Policy.values(), Policy::name),
            "edgeMode", names(EdgeGate.values(), g -> g.name().toLowerCase(Locale.ROOT)));

    private BacktestBounds() {
    }

    private static <E> List<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }

    /** {@code given} within its field's range (a 400 naming it when not), else {@code fallback}. */
    static BigDecimal decimal(String field, BigDecimal given, BigDecimal fallback) {
        return NUMBERS.get(field).check(given == null ? fallback : given);
    }

    /** {@code given} within its field's range (a 400 naming it when not), else {@code fallback}. */
    static int whole(String field, Integer given, int fallback) {
        return NUMBERS.get(field).check(BigDecimal.valueOf(given == null ? fallback : given)).intValueExact();
    }

    /**
     * A number's range: from {@code minimum} (excluded or not) to {@code maximum} (excluded or not); a decimal has at
     * most 18 decimals.
     */
    public record Range(String field, boolean whole, BigDecimal minimum, boolean exclusiveMinimum, BigDecimal maximum,
            boolean exclusiveMaximum) {

        static Range whole(String field, int min, int max) {
            return new Range(field, true, BigDecimal.valueOf(min), false, BigDecimal.valueOf(max), false);
        }

        static Range decimal(String field, String min, boolean exclusiveMin, String max, boolean exclusiveMax) {
            return new Range(field, false, new BigDecimal(min), exclusiveMin, new BigDecimal(max), exclusiveMax);
        }

        /** What a 400 says of it (the value given shortened). */
        String rule() {
            if (whole) {
                return "%s must be %s-%s".formatted(field, minimum, maximum);
            }
            String low = exclusiveMinimum ? minimum.signum() == 0 ? "positive" : "above " + minimum.toPlainString()
                    : minimum.toPlainString() + " or more";
            String high = (exclusiveMaximum ? "below " : "at most ") + maximum.toPlainString();
            return "%s must be %s and %s".formatted(field, low, high);
        }

        BigDecimal check(BigDecimal value) {
            int low = value.compareTo(minimum);
            int high = value.compareTo(maximum);
            if ((exclusiveMinimum ? low <= 0 : low < 0) || (exclusiveMaximum ? high >= 0 : high > 0)) {
                throw new BacktestInputException(field, rule() + ", got " + (whole ? value.toPlainString() : Shorten.number(value)));
            }
            if (!whole && value.scale() > 18) {
                throw new BacktestInputException(field, field + " has more than 18 decimals");
            }
            return value;
        }

        /** Writes this range into the field's schema in the OpenAPI document. */
        public void document(Schema property) {
            if (exclusiveMinimum) {
                property.exclusiveMinimum(minimum);
            } else {
                property.minimum(minimum);
            }
            if (exclusiveMaximum) {
                property.exclusiveMaximum(maximum);
            } else {
                property.maximum(maximum);
            }
            property.description("Absent: the service's current setting. M" + rule().substring(field.length() + 2)
                    + (whole ? "" : ", with at most 18 decimals"));
        }
    }
}
