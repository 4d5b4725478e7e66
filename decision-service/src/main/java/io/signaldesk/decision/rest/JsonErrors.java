package io.signaldesk.decision.rest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A body Jackson could not read, said in the API's words: which field and what it should be, never a Java class
 * name and never the caller's value in full.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static ApiError describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return new ApiError("body exceeds a limit (numbers up to 1000 digits, strings up to the body size, "
                    + "nesting up to 1000 levels)", "body");
        }
        String name = e instanceof InputCoercionException coercion ? currentName(coercion.getProcessor()) : null;
        if (name != null) {
            String field = Shorten.text(name);
            return new ApiError(field + " is out of range", field);
        }
        String field = e instanceof JsonMappingException mapping ? field(mapping.getPath()) : "body";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new ApiError(field + " is not a known field", field);
        }
        if (e instanceof MismatchedInputException mismatch && !field.equals("body")) {
            return new ApiError(field + " has the wrong type: expected " + expected(mismatch.getTargetType()), field);
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
    static ApiError forStatus(int status, String method, String path, Set<String> allowed, String contentType,
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

    private static String currentName(JsonParser parser) {
        try {
            return parser == null ? null : parser.currentName();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String field(List<JsonMappingException.Reference> path) {
        if (path == null || path.isEmpty()) {
            return "body";
        }
        return Shorten.text(path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining(".")));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
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
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "another value";
    }
}
