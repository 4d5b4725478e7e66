package io.signaldesk.analyzer.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The words of the error body for failures that carry none of their own; never a Java class name. */
final class JsonErrors {

    private JsonErrors() {
    }

    /** A body Jackson could not read: which field, what it must be, what came. */
    static ErrorResponse unreadable(JsonProcessingException e) {
        if (e instanceof StreamReadException || !(e instanceof JsonMappingException mapping)) {
            var at = e.getLocation();
            return new ErrorResponse("malformed JSON body" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")"), "body");
        }
        String field = field(mapping);
        if (e instanceof UnrecognizedPropertyException) {
            return new ErrorResponse(field + " is not a known field", field);
        }
        String expected = e instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
        String got = e instanceof InvalidFormatException format ? ", got " + shown(format.getValue()) : "";
        return new ErrorResponse(field + (expected == null ? " has the wrong type or value" : " has the wrong type: expected " + expected) + got, field);
    }

    /** What a failure without a body of its own means, e.g. 404 "no such path: GET /x". */
    static ErrorResponse forStatus(int status, String method, String path, Set<String> allowed, String contentType,
            String accept) {
        return switch (status) {
            case 404 -> new ErrorResponse("no such path: " + method + " " + path, null);
            case 405 -> new ErrorResponse("method " + method + " is not allowed on " + path
                    + (allowed == null || allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"), null);
            case 415 -> new ErrorResponse("Content-Type must be application/json" + (contentType == null ? "" : ", got " + contentType), "Content-Type");
            case 406 -> new ErrorResponse("this endpoint answers application/json" + (accept == null ? "" : "; Accept asked for " + accept), "Accept");
            case 413 -> new ErrorResponse("request body too large", "body");
            default -> {
                Response.Status type = Response.Status.fromStatusCode(status);
                yield new ErrorResponse(type == null ? "HTTP error " + status : type.getReasonPhrase().toLowerCase(Locale.ROOT), null);
            }
        };
    }

    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*)?|\\b[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*)?");

    /** A message built from a downstream failure, without the Java class names it may carry. */
    static String withoutClassNames(String message) {
        return message == null ? null : CLASS_NAME.matcher(message).replaceAll("").replace("()", "").strip();
    }

    /** "market.coins[0].lastPrice"; the body itself is "body". */
    private static String field(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")) + " (any case)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time such as 2026-11-25T12:00:00Z";
        }
        if (java.time.Duration.class == type) {
            return "an ISO-8601 duration such as PT1M";
        }
        return "an object";
    }

    private static String shown(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
}
