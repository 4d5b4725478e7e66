package io.signaldesk.analyzer.ai;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a raw model answer into a result record: the JSON object in it (code fences and chatter around it
 * tolerated), else the product's line format. The records' own invariants reject out-of-range values.
 */
@ApplicationScoped
public class AnswerReader {

    private static final int MAX_PROBLEM_LENGTH = 160;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    /**
     * @param defaults values for fields the answer left out (e.g. the coin when only one was asked)
     * @throws InvalidAnswerException naming what is wrong, in words fit for a reprompt
     */
    public <R> R read(String text, Class<R> type, Map<String, String> defaults) {
        if (text == null || text.isBlank()) {
            throw new InvalidAnswerException("the answer was empty");
        }
        ObjectNode fields = fields(text);
        defaults.forEach((field, value) -> {
            if (!fields.hasNonNull(field)) {
                fields.put(field, value);
            }
        });
        try {
            return mapper.treeToValue(fields, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidAnswerException(describe(e));
        }
    }

    private ObjectNode fields(String text) {
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        String jsonProblem = "no JSON object";
        if (open >= 0) {
            try {
                JsonNode node = mapper.readTree(text.substring(open, close > open ? close + 1 : text.length()));
                if (node instanceof ObjectNode object) {
                    return object;
                }
            } catch (JsonProcessingException e) {
                jsonProblem = "broken JSON (" + firstLine(e.getOriginalMessage()) + ")";
            }
        }
        ObjectNode lines = LineFormat.parse(text);
        if (lines.isEmpty()) {
            throw new InvalidAnswerException(jsonProblem + " and no SENTIMENT:/CONFIDENCE: lines");
        }
        return lines;
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root != e) {
            return shorten(root.getMessage());
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
            return shorten(field + ": " + firstLine(mismatch.getOriginalMessage()));
        }
        return shorten(firstLine(e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }

    private static String shorten(String message) {
        return message.length() <= MAX_PROBLEM_LENGTH ? message : message.substring(0, MAX_PROBLEM_LENGTH) + "...";
    }
}
