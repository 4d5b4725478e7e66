package io.signaldesk.analyzer.ai;

import java.util.List;

import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * The JSON schema of each analysis, sent as Ollama's {@code format} through LangChain4j's response format.
 * Ollama turns it into a grammar that keeps the property order, so the decision fields come first and the
 * reason last: the decision is usable as soon as its fields are written, before the model spends a second on
 * the reason. Every field is required and the coin is an enum of the coins asked about. LangChain4j 1.11's
 * schema types carry no minimum/maximum/maxLength (README, "On LangChain4j's Ollama binding"): the ranges are
 * checked by the result records and the reason's length is asked for in the system prompt, so a valid answer
 * still fits in {@link #NUM_PREDICT} tokens.
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

    public static JsonSchema of(AnalysisType type, List<String> coins) {
        JsonObjectSchema.Builder properties = JsonObjectSchema.builder();
        switch (type) {
            case SENTIMENT -> properties
                    .addProperty("signal", enumOf(List.of("LONG", "SHORT", "WAIT")))
                    .addProperty("sentiment", enumOf(List.of("BULLISH", "BEARISH", "NEUTRAL")))
                    .addProperty("confidence", new JsonIntegerSchema())
                    .addProperty("coin", enumOf(coins));
            case ENTRY -> properties
                    .addProperty("enter", new JsonBooleanSchema())
                    .addProperty("confidence", new JsonIntegerSchema());
            case EXIT -> properties
                    .addProperty("action", enumOf(List.of("HOLD", "CLOSE")))
                    .addProperty("confidence", new JsonIntegerSchema());
            case RISK -> properties
                    .addProperty("positionSizePct", new JsonNumberSchema())
                    .addProperty("stopLossPct", new JsonNumberSchema())
                    .addProperty("confidence", new JsonIntegerSchema());
        }
        List<String> required = new java.util.ArrayList<>(decisionFields(type));
        required.add(REASON);
        JsonObjectSchema root = properties.addProperty(REASON, new JsonStringSchema()).required(required).build();
        return JsonSchema.builder().name(type.name().toLowerCase(java.util.Locale.ROOT)).rootElement(root).build();
    }

    private static JsonEnumSchema enumOf(List<String> values) {
        return JsonEnumSchema.builder().enumValues(values).build();
    }
}
