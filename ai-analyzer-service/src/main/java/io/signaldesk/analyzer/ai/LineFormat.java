package io.signaldesk.analyzer.ai;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the product prompt's line format ({@code SENTIMENT: BULLISH}, {@code CONFIDENCE: 7}, ...) into the
 * JSON fields of the result records, so that a model ignoring the JSON format can still be understood.
 */
final class LineFormat {

    private static final Pattern LINE = Pattern.compile("^[\\s*#>-]*([A-Za-z][A-Za-z _-]{1,30}?)\\s*\\**\\s*[:=]\\s*(.+)$",
            Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("SENTIMENT", "sentiment"), Map.entry("CONFIDENCE", "confidence"),
            Map.entry("SIGNAL", "signal"), Map.entry("REASON", "reason"), Map.entry("COIN", "coin"),
            Map.entry("ENTER", "enter"), Map.entry("ACTION", "action"),
            Map.entry("POSITIONSIZE", "positionSizePct"), Map.entry("POSITIONSIZEPCT", "positionSizePct"),
            Map.entry("STOPLOSS", "stopLossPct"), Map.entry("STOPLOSSPCT", "stopLossPct"));

    private LineFormat() {
    }

    /** The recognised fields of {@code text}; empty when it has none. */
    static ObjectNode parse(String text) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            String key = line.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
            String field = FIELDS.get(key);
            if (field != null && !fields.has(field)) {
                put(fields, field, clean(line.group(2)));
            }
        }
        return fields;
    }

    private static void put(ObjectNode fields, String field, String value) {
        switch (field) {
            case "confidence", "positionSizePct", "stopLossPct" -> {
                Matcher number = NUMBER.matcher(value);
                fields.put(field, number.find() ? number.group() : value);
            }
            case "enter" -> {
                String word = value.toUpperCase(Locale.ROOT);
                fields.put(field, word.startsWith("YES") || word.startsWith("TRUE") ? "true"
                        : word.startsWith("NO") || word.startsWith("FALSE") ? "false" : value);
            }
            case "reason" -> fields.put(field, value);
            default -> fields.put(field, value.split("[\\s,.;]+")[0].toUpperCase(Locale.ROOT));
        }
    }

    private static String clean(String value) {
        return value.replace("**", "").replace("[", "").replace("]", "").strip();
    }
}
