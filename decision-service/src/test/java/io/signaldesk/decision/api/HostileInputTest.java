package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 12 item 4: a table of hostile requests (the findings plus generated ones) against every endpoint
 * that takes input; each must be a 4xx with a short JSON body {"error","field"} naming the field, and no Java
 * class name.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLASS_NAME = Pattern.compile("(java|javax|jakarta|com\\.fasterxml|io\\.signaldesk|io\\.quarkus)\\.[a-z]"
            + "|Exception|\\bat [a-z]+\\.");
    private static final String ID = "5b0c0000-0000-0000-0000-000000000000";
    private static final String SETTINGS = "/api/decision/settings";
    private static final String MODE = "/api/decision/mode";
    private static final String CONFIRM = "/api/proposals/" + ID + "/confirm";
    private static final String BACKTEST = "/api/backtest";
    private static final String SLICE = "\"files\":{\"BTC\":\"backtest/BTCUSDT-1m-slice.csv\"}";

    static Stream<Arguments> hostile() {
        List<Arguments> rows = new ArrayList<>();
        // the findings
        rows.add(row("PUT", SETTINGS, "{\"requireConfirmation\":0}", 400, "requireConfirmation"));
        rows.add(row("POST", CONFIRM, "{\"size\":1e999999999}", 400, "size"));
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"feePct\":1e999999999}", 400, "feePct"));
        rows.add(row("POST", BACKTEST, "{\"files\":{\"BTC\":\"/etc/shadow\"}}", 400, "files.BTC"));
        rows.add(row("POST", BACKTEST, "{\"files\":{\"BTC\":\"/proc/self/environ\"}}", 400, "files.BTC"));
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"outputDir\":\"../../etc/passwd\"}", 400, "outputDir"));
        rows.add(row("POST", "/api/proposals/%00/confirm", "", 400, "id"));
        rows.add(row("GET", "/api/proposals/%00", null, 400, "id"));
        // wrong types: a number is not a boolean, an integer not a string, a string not a number
        for (String value : new String[] { "1", "\"true\"", "\"yes\"", "1.0", "[]", "{}", "null" }) {
            rows.add(row("PUT", SETTINGS, "{\"requireConfirmation\":" + value + "}", 400, "requireConfirmation"));
        }
        for (String value : new String[] { "7.5", "\"7\"", "true", "0", "11", "-1", "1e999999999", "2147483648", "1e308", "[7]" }) {
            rows.add(row("PUT", SETTINGS, "{\"requireConfirmation\":true,\"autoMinConfidence\":" + value + "}", 400,
                    "autoMinConfidence"));
        }
        for (String value : new String[] { "0", "1", "true", "[\"RULES\"]", "{\"m\":1}", "\"" + "X".repeat(100_000) + "\"" }) {
            rows.add(row("PUT", MODE, "{\"mode\":" + value + "}", 400, "mode"));
        }
        rows.add(row("PUT", MODE, "{\"mode\":\"RULES\",\"policy\":0}", 400, "policy"));
        // a typo is not the setting left as it was: a field the body does not have is refused, naming it
        rows.add(row("PUT", MODE, "{\"mode\":\"AI\",\"polcy\":\"AGREE\"}", 400, "polcy"));
        rows.add(row("PUT", SETTINGS, "{\"requireConfirmation\":false,\"autoMinConfidnce\":9}", 400, "autoMinConfidnce"));
        rows.add(row("POST", CONFIRM, "{\"sise\":0.001}", 400, "sise"));
        rows.add(row("POST", "/api/decision/halt", "{\"reson\":\"news at 14:30\"}", 400, "reson"));
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"sizePc\":5}", 400, "sizePc"));
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"walkForward\":{\"trainHours\":24,\"testHours\":24,\"stepHour\":24}}",
                400, "walkForward.stepHour"));
        // a walk-forward as a job: the same refusals before anything is queued
        rows.add(row("POST", BACKTEST + "/jobs", "{" + SLICE + ",\"walkForward\":{\"trainHours\":24,\"testHours\":24,\"stepHour\":24}}",
                400, "walkForward.stepHour"));
        rows.add(row("POST", BACKTEST + "/jobs", "{" + SLICE + ",\"walkForward\":{\"trainHours\":\"1\",\"testHours\":1}}",
                400, "walkForward.trainHours"));
        rows.add(row("POST", BACKTEST + "/jobs", "{" + SLICE + ",\"walkForward\":{\"trainHours\":1e999999999,\"testHours\":1}}",
                400, "walkForward.trainHours"));
        rows.add(row("PUT", "/api/analyzer/model", "{\"model\":\"llama3.2:3b\",\"keep\":1}", 400, "keep"));
        // numbers at and past every edge
        for (String value : new String[] { "0", "-0", "-1", "1e308", "1e999999999", "-1e999999999", "1e-999999999",
                "\"1\"", "true", "[1]", "0.0000000000000000001" }) {
            rows.add(row("POST", CONFIRM, "{\"size\":" + value + "}", 400, "size"));
        }
        for (String value : new String[] { "NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1e", "0x10" }) {
            rows.add(row("POST", CONFIRM, "{\"size\":" + value + "}", 400, "body"));
            rows.add(row("PUT", SETTINGS, "{\"requireConfirmation\":true,\"autoMinConfidence\":" + value + "}", 400, "body"));
        }
        for (String field : new String[] { "feePct", "slippagePct", "flatBandPct", "sizePct", "stopLossPct", "takeProfitPct",
                "initialEquity" }) {
            for (String value : new String[] { "-1", "1e308", "1e999999999", "-1e999999999", "1e-999999999", "\"1\"", "true" }) {
                rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"" + field + "\":" + value + "}", 400, field));
            }
        }
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"horizonsMinutes\":[1.5]}", 400, "horizonsMinutes[0]"));
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"horizonsMinutes\":[1e999999999]}", 400, "horizonsMinutes[0]"));
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"decisionsLimit\":true}", 400, "decisionsLimit"));
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"mode\":0}", 400, "mode"));
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"from\":\"+999999999-01-01T00:00:00Z\"}", 400, null));
        rows.add(row("POST", BACKTEST, "{" + SLICE + ",\"from\":\"" + "9".repeat(200_000) + "\"}", 400, "from"));
        rows.add(row("POST", BACKTEST, "{\"paths\":[" + "\"a.csv\",".repeat(100_000) + "\"a.csv\"]}", 400, "paths"));
        rows.add(row("POST", BACKTEST, "{\"files\":{\"BTC\":\"" + "a".repeat(1_000_000) + "\"}}", 400, "files.BTC"));
        rows.add(row("POST", BACKTEST, "{\"files\":{\"BTC\":null}}", 400, "files.BTC"));
        // structure: nesting, not an object, trailing garbage, a megabyte where 256 KiB are allowed
        rows.add(row("PUT", SETTINGS, "[".repeat(5000) + "]".repeat(5000), 400, "body"));
        rows.add(row("POST", BACKTEST, "{\"files\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001), 400, "files.a"));
        rows.add(row("PUT", SETTINGS, "[]", 400, "body"));
        rows.add(row("PUT", SETTINGS, "{\"requireConfirmation\":true} {}", 400, "body"));
        rows.add(row("PUT", SETTINGS, "{\"requireConfirmation\":true,\"x\":\"" + "y".repeat(1_000_000) + "\"}", 413, "body"));
        rows.add(row("PUT", SETTINGS, "{\"requireConfirmation\":" + "9".repeat(2000) + "}", 400, "body"));
        rows.add(row("GET", "/api/proposals/" + "a".repeat(1000), null, 400, "id"));
        rows.add(row("GET", "/api/proposals?limit=1000000", null, 400, "limit"));
        rows.add(row("GET", "/api/decisions?limit=0", null, 400, "limit"));
        return rows.stream();
    }

    private static Arguments row(String method, String path, String body, int status, String field) {
        String shown = body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "… (" + body.length() + " chars)" : body;
        return Arguments.of(method + " " + (path.length() > 60 ? path.substring(0, 60) + "…" : path) + " " + shown,
                method, path, body, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRefusedWithAShortJsonBodyNamingTheField(String name, String method, String path, String body, int status,
            String field) throws Exception {
        var request = given().urlEncodingEnabled(false);
        if (body != null) {
            // as bytes, sent as they are: a String body REST Assured handles first (2.6 s for the 5000-deep one)
            request = request.contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(method, path);
        String text = response.asString();
        assertEquals(status, response.statusCode(), text);
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        JsonNode json = JSON.readTree(text);
        assertTrue(json.has("error") && json.get("error").isTextual() && json.has("field"), text);
        if (field != null) {
            assertEquals(field, json.get("field").asText(), text);
        }
        assertTrue(text.length() < 600, "short: " + text.length() + " characters");
        assertFalse(CLASS_NAME.matcher(text).find(), "no class name: " + text);
    }
}
