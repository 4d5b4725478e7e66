package io.signaldesk.market.venue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.VenueDecimal;

/** Field readers shared by the venue adapters: every failure becomes a {@link VenueParseException}. */
public final class JsonFields {

    /**
     * Numbers are read from the raw token as BigDecimal, and the tree keeps them exact (Jackson would
     * otherwise strip trailing zeros), so that Kraken's 0.10000000 keeps the 8 decimals its checksum uses.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private JsonFields() {
    }

    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new VenueParseException("bad_json", "empty frame");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new VenueParseException("bad_json", "frame is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new VenueParseException("bad_json", "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new VenueParseException("missing_field", "missing field '" + field + "'");
        }
        return value;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isValueNode()) {
            throw new VenueParseException("bad_value", "field '" + field + "' is not a scalar");
        }
        return value.asText();
    }

    public static long longValue(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (value.canConvertToLong() && value.isIntegralNumber()) {
            return value.longValue();
        }
        try {
            return Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            throw new VenueParseException("bad_value", "field '" + field + "' is not an integer: " + value);
        }
    }

    /**
     * A decimal given either as a JSON string ("61837.63") or a JSON number (45283.5), exact, within
     * {@link VenueDecimal}'s bounds (else kind {@code out_of_range}).
     */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = required(node, field);
        try {
            if (value.isNumber()) {
                return bounded(value.decimalValue(), field);
            }
            if (value.isTextual()) {
                return bounded(new BigDecimal(value.asText().trim()), field);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new VenueParseException("bad_value", "field '" + field + "' is not a decimal: " + shortJson(value));
    }

    private static BigDecimal bounded(BigDecimal value, String field) {
        if (!VenueDecimal.inBounds(value)) {
            throw new VenueParseException("out_of_range", "field '" + field + "' is out of bounds: "
                    + VenueDecimal.shortText(value));
        }
        return value;
    }

    private static String shortJson(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    public static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new VenueParseException("bad_value", "field '" + field + "' is not an RFC 3339 time: " + text);
        }
    }

    public static Instant epochMillis(JsonNode node, String field) {
        return Instant.ofEpochMilli(longValue(node, field));
    }

    public static JsonNode array(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isArray()) {
            throw new VenueParseException("bad_value", "field '" + field + "' is not an array");
        }
        return value;
    }

    /** A level with a validated price and size; a negative size is its own error kind. */
    public static PriceLevel level(BigDecimal price, BigDecimal size) {
        if (size.signum() < 0) {
            throw new VenueParseException("negative_size", "negative size " + size.toPlainString() + " at " + price);
        }
        if (price.signum() <= 0) {
            throw new VenueParseException("bad_value", "price must be positive: " + price.toPlainString());
        }
        return new PriceLevel(price, size);
    }

    /** Binance-style levels: {@code [["price","qty"], ...]}. */
    public static List<PriceLevel> pairLevels(JsonNode node, String field) {
        JsonNode array = array(node, field);
        List<PriceLevel> levels = new ArrayList<>(array.size());
        for (JsonNode pair : array) {
            if (!pair.isArray() || pair.size() < 2) {
                throw new VenueParseException("bad_value", "level in '" + field + "' is not [price, qty]");
            }
            levels.add(level(decimalOf(pair.get(0), field), decimalOf(pair.get(1), field)));
        }
        return levels;
    }

    private static BigDecimal decimalOf(JsonNode value, String field) {
        try {
            return bounded(value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText()), field);
        } catch (NumberFormatException e) {
            throw new VenueParseException("bad_value", "level in '" + field + "' is not a decimal: " + shortJson(value));
        }
    }
}
