package io.signaldesk.feed.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.restassured.response.Response;

/**
 * Issue 12 item 4 for the feed: its inputs are a coin in the path and a count in the query. A table of hostile
 * values, each a 400 with a short JSON body {"error","field"} naming the parameter, echoing at most 40 characters.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLASS_NAME = Pattern.compile("(java|jakarta|com\\.fasterxml|io\\.signaldesk|io\\.quarkus)\\.[a-z]|Exception");

    static Stream<Arguments> hostile() {
        List<Arguments> rows = new ArrayList<>();
        for (String value : new String[] { "0", "-0", "-1", "501", "1e999999999", "1e308", "NaN", "Infinity", "-Infinity",
                "2147483648", "99999999999999999999", "1.5", "true", "%00", "abc", "1%00", "9".repeat(2000) }) {
            rows.add(Arguments.of("/api/market/book/BTC?depth=" + value, "depth"));
            rows.add(Arguments.of("/api/market/trades/BTC?limit=" + value, "limit"));
        }
        for (String coin : new String[] { "%00", "BTC%00", "B%0AC", "..%2F..%2Fetc", "B".repeat(1000), "%E2%82%BF" }) {
            rows.add(Arguments.of("/api/market/snapshot/" + coin, "coin"));
            rows.add(Arguments.of("/api/market/book/" + coin, "coin"));
            rows.add(Arguments.of("/api/market/trades/" + coin + "?limit=5", "coin"));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isA400WithAShortJsonBodyNamingTheParameter(String path, String field) throws Exception {
        Response response = given().urlEncodingEnabled(false).get(path);
        String text = response.asString();
        assertEquals(400, response.statusCode(), text);
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        JsonNode json = JSON.readTree(text);
        assertEquals(field, json.get("field").asText(), text);
        assertTrue(json.get("error").isTextual(), text);
        assertTrue(text.length() < 300, "short: " + text.length() + " characters");
        assertFalse(text.contains("\u0000"), text);
        assertFalse(CLASS_NAME.matcher(text).find(), "no class name: " + text);
    }
}
