package io.signaldesk.analyzer.ai;

import java.math.BigDecimal;
import java.util.List;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.signaldesk.analyzer.domain.DigestSetup;

/**
 * A lesson draft's question: the task line, then one line per setup of the model's scored record (the decision
 * service's digest), and the answer's JSON schema: {@code {"lessons":[{"setups":["S1"],"lesson":"..."}]}}, the setups
 * first (the model names its evidence before it writes), their ids an enum of the digest's. Asked after the analyst's
 * system message, so its cached prefix serves here too; the task says the rest.
 */
public final class LessonPrompt {

    public static final String LESSONS = "lessons";
    public static final String SETUPS = "setups";
    public static final String LESSON = "lesson";
    public static final int MIN_CHARS = 12;
    public static final int MAX_CHARS = 120;

    private LessonPrompt() {
    }

    public static String question(List<DigestSetup> setups, int max) {
        StringBuilder out = new StringBuilder("LESSONS: from your scored record below, write at most ").append(max)
                .append(" one-line lessons for your future ENTRY and EXIT answers, each ").append(MIN_CHARS).append(" to ")
                .append(MAX_CHARS).append(" characters and naming the setups it rests on. Net is the mean result ")
                .append("after costs in % a call; \"all\" had every call acted. No lesson ([]) when the record shows none.");
        for (DigestSetup s : setups) {
            out.append('\n').append(s.id()).append(' ').append(s.kind()).append(' ').append(s.coin()).append(' ')
                    .append(s.side()).append(": ").append(s.right()).append('/').append(s.calls()).append(" right, ")
                    .append(s.kind().equals("ENTRY") ? "entered " : "held ").append(s.acted());
            if (s.actedNetPct() != null && s.acted() > 0) {
                out.append(" net ").append(pct(s.actedNetPct()));
            }
            out.append(", all net ").append(pct(s.netPct()));
        }
        return out.toString();
    }

    public static JsonSchema schema(List<DigestSetup> setups) {
        JsonObjectSchema lesson = JsonObjectSchema.builder()
                .addProperty(SETUPS, JsonArraySchema.builder()
                        .items(JsonEnumSchema.builder().enumValues(setups.stream().map(DigestSetup::id).toList()).build())
                        .build())
                .addProperty(LESSON, new JsonStringSchema())
                .required(SETUPS, LESSON).build();
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty(LESSONS, JsonArraySchema.builder().items(lesson).build())
                .required(LESSONS).build();
        return JsonSchema.builder().name("lessons").rootElement(root).build();
    }

    private static String pct(BigDecimal value) {
        return MarketPrompt.signedPct(value);
    }
}
