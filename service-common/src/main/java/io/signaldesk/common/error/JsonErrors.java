package io.signaldesk.common.error;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a failure means, said in the API's words: which field ("market.coins[0].lastPrice", "body" for the body
 * itself) and what it should be; never a Java class name, never more than {@value Shorten#MAX_ECHO} characters of
 * the caller's input.
 */
public final class JsonErrors {

    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*)?|\\b[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*)?");

    private JsonErrors() {
    }

    /** A body Jackson could not read. */
    public static ApiError describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return new ApiError("body exceeds a limit (numbers up to 1000 digits, strings up to the body size, "
                    + "nesting up to 1000 levels)", "body");
        }
        if (e instanceof InputCoercionException coercion) {
            String field = parsedField(coercion.getProcessor());
            if (field != null) {
                return new ApiError(field + " is out of range", field);
            }
        }
        String field = e instanceof JsonMappingException mapping ? field(mapping.getPath()) : "body";
        if (e instanceof UnrecognizedPropertyException) {
            return new ApiError(field + " is not a known field", field);
        }
        if (e instanceof MismatchedInputException mismatch && !field.equals("body")) {
            String got = e instanceof InvalidFormatException format ? ", got " + shown(format.getValue()) : "";
            return new ApiError(field + " has the wrong type: expected " + expected(mismatch.getTargetType()) + got, field);
        }
        if (!field.equals("body")) {
            return new ApiError(field + (e.getCause() instanceof InputCoercionException ? " is out of range" : " has an invalid value"), field);
        }
        if (e instanceof JsonParseException || e.getLocation() != null) {
            return new ApiError("malformed JSON body" + (e.getLocation() == null ? ""
                    : " (line %d, column %d)".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr())), "body");
        }
        return new ApiError("body cannot be read as the expected JSON object", "body");
    }

    /** What a failure without a body of its own means, e.g. 404 "no such path: GET /x". */
    public static ApiError forStatus(int status, String method, String path, Set<String> allowed, String contentType,
            String accept) {
        return switch (status) {
            case 404 -> new ApiError("no such path: " + method + " " + Shorten.text(path), null);
            case 405 -> new ApiError("method " + method + " is not allowed on " + Shorten.text(path)
                    + (allowed == null || allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")"), null);
            case 415 -> new ApiError("Content-Type must be application/json"
                    + (contentType == null ? "" : ", got " + Shorten.text(contentType)), "Content-Type");
            case 406 -> new ApiError("this endpoint answers application/json"
                    + (accept == null ? "" : "; Accept asked for " + Shorten.text(accept)), "Accept");
            case 413 -> new ApiError("request body too large", "body");
            default -> {
                Response.Status type = Response.Status.fromStatusCode(status);
                yield new ApiError(type == null ? "HTTP error " + status : type.getReasonPhrase().toLowerCase(Locale.ROOT), null);
            }
        };
    }

    /** A message built from a downstream failure, without the Java class names it may carry. */
    public static String withoutClassNames(String message) {
        return message == null ? null : CLASS_NAME.matcher(message).replaceAll("").replace("()", "").strip();
    }

    /** "market.coins[0].lastPrice"; the body itself is "body". */
    static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path == null ? List.<JsonMappingException.Reference>of() : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : Shorten.text(field.toString());
    }

    /** Where the parser stood when a number overflowed, in the same notation; null at the top. */
    private static String parsedField(JsonParser parser) {
        if (parser == null) {
            return null;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.add(0, "." + context.getCurrentName());
            } else if (context.inArray()) {
                parts.add(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
            }
        }
        String field = String.join("", parts);
        field = field.startsWith(".") ? field.substring(1) : field;
        return field.isEmpty() ? currentName(parser) : Shorten.text(field);
    }

    private static String currentName(JsonParser parser) {
        try {
            String name = parser.currentName();
            return name == null ? null : Shorten.text(name);
        } catch (IOException e) {
            return null;
        }
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")) + " (any case)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time such as 2026-11-25T12:00:00Z";
        }
        if (Duration.class == type) {
            return "an ISO-8601 duration such as PT1M";
        }
        return "an object";
    }

    private static String shown(Object value) {
        return value instanceof String text ? "\"" + Shorten.text(text) + "\"" : Shorten.text(String.valueOf(value));
    }
}
