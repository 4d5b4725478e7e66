package io.signaldesk.analyzer.ai;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * The JSON schema sent as Ollama's {@code format} for each analysis. Ollama turns it into a grammar that
 * keeps the property order, so the decision fields come first and the reason last: the decision is usable
 * as soon as its fields are written, before the model spends a second on the reason. Every field is required,
 * the coin is an enum of the coins asked about, confidence is 1-10 and the reason has a maximum length,
 * so a valid answer always fits in {@link #NUM_PREDICT} tokens.
 */
public final class AnswerSchema {

    /** Longest reason asked for: one short sentence (the product's "one sentence"), about 16 tokens. */
    public static final int REASON_MAX_CHARS = 72;

    /**
     * Output token cap: the longest valid answer (sentiment: about 25 tokens of decision fields, a reason of
     * {@value #REASON_MAX_CHARS} characters at worst one token per character pair) stays well inside it.
     */
    public static final int NUM_PREDICT = 112;

    public static final String REASON = "reason";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AnswerSchema() {
    }

    /** The fields that make the decision, in the order the model writes them (the reason follows). */
    public static List<String> decisionFields(AnalysisType type) {
        return switch (type) {
            case SENTIMENT -> List.of("signal", "sentiment", "confidence", "coin");
            case ENTRY -> List.of("enter", "confidence");
            case EXIT -> List.of("action", "confidence");
            case RISK -> List.of("positionSizePct", "stopLossPct", "confidence");
        };
    }

    public static ObjectNode of(AnalysisType type, List<String> coins) {
        ObjectNode properties = JSON.objectNode();
        switch (type) {
            case SENTIMENT -> {
                properties.set("signal", enumOf(List.of("LONG", "SHORT", "WAIT")));
                properties.set("sentiment", enumOf(List.of("BULLISH", "BEARISH", "NEUTRAL")));
                properties.set("confidence", confidence());
                properties.set("coin", enumOf(coins));
            }
            case ENTRY -> {
                properties.set("enter", JSON.objectNode().put("type", "boolean"));
                properties.set("confidence", confidence());
            }
            case EXIT -> {
                properties.set("action", enumOf(List.of("HOLD", "CLOSE")));
                properties.set("confidence", confidence());
            }
            case RISK -> {
                properties.set("positionSizePct", JSON.objectNode().put("type", "number").put("minimum", 0).put("maximum", 100));
                properties.set("stopLossPct", JSON.objectNode().put("type", "number").put("minimum", 0.1).put("maximum", 50));
                properties.set("confidence", confidence());
            }
        }
        properties.set(REASON, JSON.objectNode().put("type", "string").put("maxLength", REASON_MAX_CHARS));
        ObjectNode schema = JSON.objectNode().put("type", "object");
        schema.set("properties", properties);
        ArrayNode required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    private static ObjectNode confidence() {
        return JSON.objectNode().put("type", "integer").put("minimum", 1).put("maximum", 10);
    }

    private static ObjectNode enumOf(List<String> values) {
        ObjectNode node = JSON.objectNode().put("type", "string");
        ArrayNode array = node.putArray("enum");
        values.forEach(array::add);
        return node;
    }
}
