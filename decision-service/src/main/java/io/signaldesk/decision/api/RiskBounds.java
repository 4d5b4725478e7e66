package io.signaldesk.decision.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bounds of the risk endpoints' bodies, the one list both read: {@code PUT /api/decision/risk} checks a limit
 * against its {@link Limit} and the OpenAPI document shows it ({@link DecisionOpenApiFilter}); the halt's reason is
 * at most {@link #MAX_REASON} characters.
 */
final class RiskBounds {

    static final int MAX_REASON = 200;

    /** Every limit a trader may change, in the order RiskLimits takes them. */
    static final Map<String, Limit> LIMITS = List.of(
            Limit.percent("maxPositionPct", "100", "The most one position may take, in % of equity"),
            Limit.whole("maxOpenPositions", 1, 50, "Open positions at once"),
            Limit.percent("maxGrossExposurePct", "100", "All open positions together, in % of equity"),
            Limit.percent("dailyLossLimitPct", "100", "No entry after losing this much of the day's starting equity, in %"),
            Limit.whole("lossCooldownSeconds", 0, 86_400, "No entry for this long after a losing close, in seconds"),
            Limit.whole("maxEntriesPerHour", 1, 1000, "Entries in any rolling hour"),
            Limit.whole("safeModeAfterFailures", 1, 100, "Consecutive model failures that turn safe mode on"),
            Limit.percent("maxSlippagePct", "10", "A fill further than this from the proposal's price is refused, in %"))
            .stream().collect(Collectors.toMap(Limit::field, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    private RiskBounds() {
    }

    /**
     * One limit: a JSON number above 0 and at most {@code maximum} (a percentage), or a JSON integer from
     * {@code minimum} to {@code maximum}; {@code rule} is what a 400 says of it.
     */
    record Limit(String field, boolean whole, BigDecimal minimum, BigDecimal maximum, String meaning) {

        static Limit percent(String field, String max, String meaning) {
            return new Limit(field, false, BigDecimal.ZERO, new BigDecimal(max), meaning);
        }

        static Limit whole(String field, int min, int max, String meaning) {
            return new Limit(field, true, BigDecimal.valueOf(min), BigDecimal.valueOf(max), meaning);
        }

        String rule() {
            return whole ? field + " must be an integer from " + minimum + " to " + maximum
                    : field + " must be a number above 0 and at most " + maximum.toPlainString();
        }

        /** The value given in {@code body}, or null when the field is absent; a value out of bounds is a {@link BadField}. */
        BigDecimal read(JsonNode body) {
            JsonNode value = body.get(field);
            if (value == null) {
                return null;
            }
            boolean number = whole ? value.isIntegralNumber() && value.canConvertToInt()
                    : value.isNumber() && !(value.isDouble() && !Double.isFinite(value.doubleValue()));
            if (!number) {
                throw new BadField(field, rule());
            }
            BigDecimal given = value.decimalValue();
            int low = given.compareTo(minimum);
            if ((whole ? low < 0 : low <= 0) || given.compareTo(maximum) > 0) {
                throw new BadField(field, rule());
            }
            return whole ? given : plain(given);
        }

        /** Without trailing zeros but never in exponent form: 100.0 is 100, not 1E+2, when stored, logged or shown. */
        private static BigDecimal plain(BigDecimal given) {
            BigDecimal stripped = given.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }

        /** This limit as a property of the request's schema. */
        Schema schema() {
            Schema property = OASFactory.createSchema().addType(whole ? Schema.SchemaType.INTEGER : Schema.SchemaType.NUMBER)
                    .maximum(maximum).description(meaning + "; absent keeps the current value. M" + rule().substring(field.length() + 2));
            return whole ? property.minimum(minimum) : property.exclusiveMinimum(minimum);
        }
    }

    /** The body of PUT /api/decision/risk: any of the limits, nothing else. */
    static Schema limitsSchema() {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(false)
                .description("The limits to change; a limit left out keeps its value, an unknown one is refused");
        LIMITS.values().forEach(limit -> schema.addProperty(limit.field(), limit.schema()));
        return schema;
    }

    /** The optional body of POST /api/decision/halt. */
    static Schema haltSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Optional: why trading is halted, shown on the dashboard")
                .addProperty("reason", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addType(Schema.SchemaType.NULL).maxLength(MAX_REASON)
                        .description("At most " + MAX_REASON + " characters (after trimming); empty or null: no reason"));
    }

    /** A field out of its bounds: answered as a 400 naming it. */
    static final class BadField extends RuntimeException {
        final String field;

        BadField(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
