package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.engine.RiskService;

/**
 * The bounds /q/openapi shows on a request body are the ones the service enforces: for each documented bound of each
 * property, a value just past it is a 400 naming that property, and the value at it is accepted; a required property
 * left out and a number sent as text are 400s naming it, and an unknown field is refused where the schema says so.
 */
@QuarkusTest
class DocumentedBoundsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** How far past (or inside) a number's bound "just" is; the checks compare exactly. */
    private static final BigDecimal STEP = new BigDecimal("0.001");

    @Inject
    RiskService risk;

    @Inject
    ProposalService proposals;

    @Test
    void riskLimitsEnforceTheBoundsTheDocumentShows() throws Exception {
        RiskLimits before = risk.limits();
        try {
            int checked = checkBody("put", "/api/decision/risk");
            assertTrue(checked >= 8 * 4, "values sent: " + checked);
        } finally {
            risk.update(before);
        }
    }

    @Test
    void haltReasonEnforcesTheBoundsTheDocumentShows() throws Exception {
        boolean halted = risk.halt().halted();
        try {
            assertTrue(checkBody("post", "/api/decision/halt") >= 2);
        } finally {
            if (!halted) {
                risk.resume();
            }
        }
    }

    @Test
    void confirmationSettingsEnforceTheBoundsTheDocumentShows() throws Exception {
        boolean confirm = proposals.requireConfirmation();
        int autoMin = proposals.autoMinConfidence();
        try {
            assertTrue(checkBody("put", "/api/decision/settings") >= 5);
        } finally {
            proposals.configure(confirm, autoMin);
        }
    }

    /**
     * A backtest's numbers (the run's settings and the strategy's ranges, the trading core's own), its names and its
     * horizons: each runs at its bounds (on the two candles of the first example) and is refused just past them.
     */
    @Test
    void backtestRequestEnforcesTheBoundsTheDocumentShows() throws Exception {
        int checked = checkBody("post", "/api/backtest");
        assertTrue(checked >= 16 * 4 + 3, "values sent: " + checked);
    }

    @Inject
    io.signaldesk.decision.engine.ModeService modes;

    /** The mode's names are the enums the desk parses (any case); mode is required. */
    @Test
    void modeRequestEnforcesTheNamesTheDocumentShows() throws Exception {
        var before = modes.current();
        try {
            assertTrue(checkBody("put", "/api/decision/mode") >= 3);
        } finally {
            modes.change(before.mode(), before.policy());
        }
    }

    /** The listings' limit and the proposals' status: past the documented range or names, a 400 naming it. */
    @Test
    void listingParametersEnforceTheBoundsTheDocumentShows() throws Exception {
        JsonNode doc = MAPPER.readTree(given().get("/q/openapi?format=json").asString());
        int sent = 0;
        for (String path : List.of("/api/portfolio/trades", "/api/decisions", "/api/proposals", "/api/ai/dataset")) {
            for (JsonNode parameter : doc.path("paths").path(path).path("get").path("parameters")) {
                String name = parameter.path("name").asText();
                JsonNode schema = resolve(doc, parameter.path("schema"));
                List<String> past = new ArrayList<>();
                List<String> at = new ArrayList<>();
                boolean whole = types(schema).contains("integer");
                BigDecimal step = whole ? BigDecimal.ONE : STEP;
                if (schema.has("maximum")) {
                    past.add(schema.path("maximum").decimalValue().add(step).toPlainString());
                    past.add(schema.path("minimum").decimalValue().subtract(step).toPlainString());
                    if (whole) {
                        past.add("2.5"); // an integer, not a number rounded: and a 400, not the 404 a failed conversion answers
                    }
                    past.add("abc");
                    at.add(schema.path("maximum").decimalValue().toPlainString());
                    at.add(schema.path("minimum").decimalValue().toPlainString());
                }
                if (schema.has("pattern")) {
                    past.add("B-T-C");
                    at.add(name.equals("market") ? "binance" : "BTC"); // a feed's market is lower case
                }
                if (schema.has("enum")) {
                    past.add("SOMETIMES");
                    schema.path("enum").forEach(value -> at.add(value.asText()));
                }
                if (past.isEmpty()) {
                    assertTrue(schema.path("type").asText().equals("string") && path.equals("/api/ai/dataset"),
                            path + " " + name + " shows no bounds: " + parameter); // from/to: a date or an instant
                    continue;
                }
                for (String value : past) {
                    Response answer = given().queryParam(name, value).get(path);
                    assertEquals(400, answer.statusCode(), path + "?" + name + "=" + value + ": " + answer.asString());
                    assertEquals(name, answer.jsonPath().getString("field"), answer.asString());
                    sent++;
                }
                for (String value : at) {
                    assertEquals(200, given().queryParam(name, value).get(path).statusCode(), path + "?" + name + "=" + value);
                    sent++;
                }
            }
        }
        assertTrue(sent >= 4 * 6 + 3 * 3 + 2, "values sent: " + sent);
    }

    /**
     * A walk-forward's hours (the WalkForward schema): each just past its documented bounds, or a required one left
     * out, is a 400 naming walkForward.field. At the bounds a year of hours does not fit two candles: that refusal is
     * the data's ("do not fit in the ... h of data"), not a bound of the request.
     */
    @Test
    void walkForwardHoursEnforceTheBoundsTheDocumentShows() throws Exception {
        JsonNode doc = MAPPER.readTree(given().get("/q/openapi?format=json").asString());
        JsonNode request = doc.path("components").path("schemas").path("BacktestRequest");
        JsonNode walkForward = resolve(doc, request.path("properties").path("walkForward"));
        ObjectNode example = (ObjectNode) doc.path("paths").path("/api/backtest").path("post").path("requestBody")
                .path("content").path("application/json").path("examples").elements().next().path("value");
        int sent = 0;
        for (Map.Entry<String, JsonNode> entry : walkForward.path("properties").properties()) {
            JsonNode property = entry.getValue();
            if (!property.has("maximum")) {
                continue;
            }
            for (long value : new long[] { property.path("maximum").asLong() + 1, property.path("minimum").asLong() - 1 }) {
                ObjectNode body = example.deepCopy();
                body.putObject("walkForward").put("trainHours", 1).put("testHours", 1).put(entry.getKey(), value);
                Response answer = send("post", "/api/backtest", body);
                assertEquals(400, answer.statusCode(), entry.getKey() + "=" + value + ": " + answer.asString());
                assertEquals("walkForward." + entry.getKey(), answer.jsonPath().getString("field"), answer.asString());
                sent++;
            }
        }
        for (JsonNode required : walkForward.path("required")) {
            ObjectNode body = example.deepCopy();
            ObjectNode hours = body.putObject("walkForward").put("trainHours", 1).put("testHours", 1);
            hours.remove(required.asText());
            Response answer = send("post", "/api/backtest", body);
            assertEquals(400, answer.statusCode(), answer.asString());
            assertEquals("walkForward." + required.asText(), answer.jsonPath().getString("field"), answer.asString());
            sent++;
        }
        assertEquals(4 * 2 + 2, sent);
    }

    /**
     * Every path parameter (a proposal's, a lesson's and a backtest job's {id}, a report's {name}, a position's
     * {coin}): every operation that takes one shows its pattern, and a value that does not match it is a 400 naming
     * the parameter before anything is looked up or changed (a malformed job id included: not a 404).
     */
    @Test
    void pathParametersOutsideTheirDocumentedPatternAreRefusedNamingThem() throws Exception {
        JsonNode doc = MAPPER.readTree(given().get("/q/openapi?format=json").asString());
        int sent = 0;
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if (!parameter.path("in").asText().equals("path")) {
                        continue;
                    }
                    String field = parameter.path("name").asText();
                    String name = operation.getKey().toUpperCase() + " " + path.getKey() + " {" + field + "}";
                    assertTrue(parameter.path("schema").has("pattern"), name + " shows no pattern");
                    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(parameter.path("schema").path("pattern").asText());
                    for (String bad : List.of("not_an_id!", "9".repeat(65), "a%20b")) {
                        assertTrue(!pattern.matcher(bad).find(), bad);
                        Response answer = given().urlEncodingEnabled(false).contentType("application/json")
                                .request(operation.getKey(), path.getKey().replace("{" + field + "}", bad));
                        assertEquals(400, answer.statusCode(), name + "=" + bad + ": " + answer.asString());
                        assertEquals(field, answer.jsonPath().getString("field"), answer.asString());
                        sent++;
                    }
                    named.add(path.getKey());
                }
            }
        }
        assertEquals(List.of("/api/backtest/jobs/{id}", "/api/backtest/reports/{name}", "/api/lessons/{id}",
                "/api/lessons/{id}/accept", "/api/lessons/{id}/reject", "/api/portfolio/positions/{coin}/write-off",
                "/api/proposals/{id}", "/api/proposals/{id}/confirm", "/api/proposals/{id}/reject"), List.copyOf(named));
        assertEquals(3 * 10, sent, "values sent");
    }

    /** Sends, for each bounded property of the operation's body schema, the values past and at its bounds; how many. */
    private static int checkBody(String method, String path) throws Exception {
        JsonNode doc = MAPPER.readTree(given().get("/q/openapi?format=json").asString());
        JsonNode operation = doc.path("paths").path(path).path(method);
        JsonNode content = operation.path("requestBody").path("content").path("application/json");
        JsonNode schema = resolve(doc, content.path("schema"));
        assertTrue(schema.path("properties").size() > 0, method + " " + path + " documents no body schema: " + content);
        // the body Swagger UI sends first is the base each value is put into
        ObjectNode example = (ObjectNode) content.path("examples").elements().next().path("value");
        int sent = 0;
        for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
            String field = entry.getKey();
            JsonNode property = resolve(doc, entry.getValue());
            List<JsonNode> past = new ArrayList<>();
            List<JsonNode> at = new ArrayList<>();
            boolean whole = types(property).contains("integer");
            BigDecimal step = whole ? BigDecimal.ONE : STEP;
            if (property.has("maximum")) {
                past.add(JSON.numberNode(property.path("maximum").decimalValue().add(step)));
                at.add(JSON.numberNode(property.path("maximum").decimalValue()));
            }
            if (property.has("minimum")) {
                past.add(JSON.numberNode(property.path("minimum").decimalValue().subtract(step)));
                at.add(JSON.numberNode(property.path("minimum").decimalValue()));
            }
            if (property.has("exclusiveMinimum")) {
                past.add(JSON.numberNode(property.path("exclusiveMinimum").decimalValue()));
                at.add(JSON.numberNode(property.path("exclusiveMinimum").decimalValue().add(step)));
            }
            if (property.has("maxLength")) {
                past.add(JSON.textNode("x".repeat(property.path("maxLength").asInt() + 1)));
                if (!property.has("format")) { // a date-time that long is no date-time: refused too, as the format says
                    at.add(JSON.textNode("x".repeat(property.path("maxLength").asInt())));
                }
            }
            if (property.has("enum")) {
                past.add(JSON.textNode("SOMETIMES"));
            }
            outside(property).forEach(value -> past.add(JSON.textNode(value)));
            if (types(property).contains("array") && property.path("items").has("maximum")) {
                JsonNode items = property.path("items");
                int max = items.path("maximum").asInt();
                past.add(array(property.path("maxItems").asInt() + 1, 1));
                past.add(array(property.path("minItems").asInt() - 1, 1));
                past.add(JSON.arrayNode().add(max + 1));
                past.add(JSON.arrayNode().add(items.path("minimum").asInt() - 1));
                past.add(JSON.arrayNode().add(1).add(1)); // uniqueItems
                at.add(JSON.arrayNode().add(max));
                at.add(array(property.path("maxItems").asInt(), 1));
            }
            if (whole || types(property).contains("number")) {
                past.add(JSON.textNode(example.has(field) ? example.get(field).asText() : "1")); // no coercion from text
            }
            if (past.isEmpty()) {
                continue; // a boolean, or a name or file checked against the data directory, not a range
            }
            for (JsonNode value : past) {
                Response answer = send(method, path, example.deepCopy().set(field, value));
                assertEquals(400, answer.statusCode(), field + "=" + value + ": " + answer.asString());
                assertEquals(field, answer.jsonPath().getString("field"), field + "=" + value + ": " + answer.asString());
                sent++;
            }
            for (JsonNode value : at) {
                Response answer = send(method, path, example.deepCopy().set(field, value));
                assertEquals(200, answer.statusCode(), field + "=" + value + " (at the bound): " + answer.asString());
                sent++;
            }
        }
        for (JsonNode required : schema.path("required")) {
            ObjectNode without = example.deepCopy();
            without.remove(required.asText());
            Response answer = send(method, path, without);
            assertEquals(400, answer.statusCode(), "without " + required + ": " + answer.asString());
            assertEquals(required.asText(), answer.jsonPath().getString("field"));
            sent++;
        }
        if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
            Response answer = send(method, path, example.deepCopy().put("maxLeverage", 3));
            assertEquals(400, answer.statusCode(), answer.asString());
            assertEquals("maxLeverage", answer.jsonPath().getString("field"));
            sent++;
        }
        return sent;
    }

    /** What a caller might name instead of a data file, a folder of it or the analyzer: refused where the pattern says. */
    private static final List<String> HOSTILE_NAMES = List.of("../../etc/passwd", "/etc/passwd", "~/.ssh/id_rsa",
            "C:/Windows/win.ini", "backtest/../../outside.csv", "a\\b.csv", " ", "file:///etc/passwd",
            "ftp://example.org/x.csv", "http://", "http://host name/");

    /** The hostile names outside {@code property}'s documented pattern (none without one). */
    private static List<String> outside(JsonNode property) {
        if (!property.has("pattern")) {
            return List.of();
        }
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(property.path("pattern").asText());
        List<String> outside = HOSTILE_NAMES.stream().filter(name -> !pattern.matcher(name).find()).toList();
        assertTrue(outside.size() >= 3, "the pattern " + pattern + " refuses few hostile names: " + outside);
        return outside;
    }

    /**
     * A backtest's file names (files' values, paths, captures) show the data directory's pattern; each hostile name
     * outside it is a 400 naming the field before anything is read.
     */
    @Test
    void backtestFileNamesOutsideTheirDocumentedPatternAreRefusedNamingTheField() throws Exception {
        JsonNode doc = MAPPER.readTree(given().get("/q/openapi?format=json").asString());
        JsonNode request = doc.path("components").path("schemas").path("BacktestRequest").path("properties");
        int sent = 0;
        for (String value : outside(request.path("files").path("additionalProperties"))) {
            ObjectNode body = JSON.objectNode();
            body.putObject("files").put("BTC", value);
            sent += refused(body, "files.BTC");
        }
        for (String value : outside(request.path("paths").path("items"))) {
            ObjectNode body = JSON.objectNode();
            body.putArray("paths").add(value);
            sent += refused(body, "paths");
        }
        for (String value : outside(request.path("captures").path("items"))) {
            ObjectNode body = JSON.objectNode();
            body.putArray("captures").add(value);
            sent += refused(body, "captures[0]");
        }
        assertTrue(sent >= 3 * 6, "values sent: " + sent);
    }

    private static int refused(ObjectNode body, String field) {
        Response answer = send("post", "/api/backtest", body);
        assertEquals(400, answer.statusCode(), body + ": " + answer.asString());
        assertEquals(field, answer.jsonPath().getString("field"), body + ": " + answer.asString());
        return 1;
    }

    /** {@code size} distinct whole numbers from {@code first}. */
    private static JsonNode array(int size, int first) {
        var array = JSON.arrayNode();
        for (int i = 0; i < size; i++) {
            array.add(first + i);
        }
        return array;
    }

    private static Response send(String method, String path, JsonNode body) {
        return given().contentType("application/json").body(body.toString()).request(method, path);
    }

    private static List<String> types(JsonNode property) {
        JsonNode type = property.path("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    /** The component a {@code $ref} names, or the schema as written. */
    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? schema : doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
