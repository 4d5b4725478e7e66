package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 12 item 4: a table of hostile requests (the findings plus generated ones) against every analyzer
 * endpoint that takes input. Each is a 4xx with a short JSON body {"error","field"} and no class name, decided
 * before the model path: no call reaches Ollama, so nothing unbounded is written into a prompt and nothing counts
 * against the circuit breaker.
 */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLASS_NAME = Pattern.compile("(java|javax|jakarta|com\\.fasterxml|io\\.signaldesk|io\\.quarkus)\\.[a-z]"
            + "|Exception|\\bat [a-z]+\\.");
    private static final String ENTRY = "/api/analysis/entry";
    private static final String EXIT = "/api/analysis/exit";
    private static final String RISK = "/api/analysis/risk";
    private static final String SENTIMENT = "/api/analysis/sentiment";

    @TestHTTPResource(EXIT)
    URI exit;

    @BeforeEach
    void fresh() {
        StubServers.reset();
    }

    static Stream<Arguments> hostile() {
        List<Arguments> rows = new ArrayList<>();
        // the findings
        rows.add(row("POST", EXIT, exit("\"size\":1e999999999"), 400, "size"));
        // an operator's typo is not the switch left as it was
        rows.add(row("PUT", "/api/ai/mode", "{\"mode\":\"RULES\",\"until\":\"12:00\"}", 400, "until"));
        rows.add(row("PUT", "/api/ai/model", "{\"model\":\"llama3.2:3b\",\"keepAlive\":\"5m\"}", 400, "keepAlive"));
        rows.add(row("POST", ENTRY, "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":1e999999991}", 400, "price"));
        rows.add(row("POST", ENTRY, "{\"coin\":\"BTC\",\"side\":0,\"price\":95000}", 400, "side"));
        rows.add(row("POST", RISK, "{\"coin\":\"BTC\",\"side\":1,\"price\":95000,\"equity\":1000}", 400, "side"));
        // numbers at and past every edge, wrong types
        for (String value : new String[] { "0", "-0", "-1", "1e308", "-1e999999999", "1e-999999999", "1000000000.5",
                "0.0000000000000000001", "\"95000\"", "true", "[95000]", "{}", "null" }) {
            rows.add(row("POST", ENTRY, "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":" + value + "}", 400, "price"));
            rows.add(row("POST", EXIT, exit("\"currentPrice\":" + value), 400, "currentPrice"));
        }
        for (String value : new String[] { "NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1e", "0x10" }) {
            rows.add(row("POST", ENTRY, "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":" + value + "}", 400, "body"));
        }
        for (String value : new String[] { "1e13", "0", "1e999999999", "\"10000\"" }) {
            rows.add(row("POST", RISK, "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"equity\":" + value + "}", 400, "equity"));
        }
        for (String value : new String[] { "0", "true", "[\"BTC\"]", "\"BTC\\u0000\"", "\"" + "B".repeat(21) + "\"", "\"" + "B".repeat(100_000) + "\"" }) {
            rows.add(row("POST", ENTRY, "{\"coin\":" + value + ",\"side\":\"LONG\",\"price\":95000}", 400, "coin"));
        }
        rows.add(row("POST", ENTRY, "{\"coin\":\"BTC\",\"side\":\"LO\\u0000NG\",\"price\":95000}", 400, "side"));
        rows.add(row("POST", EXIT, exit("\"openedAt\":1e999999999"), 400, "openedAt"));
        rows.add(row("POST", EXIT, exit("\"openedAt\":-1e999999999"), 400, "openedAt"));
        rows.add(row("POST", EXIT, exit("\"openedAt\":\"+999999999-01-01T00:00:00Z\""), 400, "openedAt"));
        // market snapshots sent with a request: every number bounded, every list and string capped
        rows.add(row("POST", ENTRY, market("\"lastPrice\":1e999999999"), 400, "market.coins[0].lastPrice"));
        rows.add(row("POST", ENTRY, market("\"momentum60sPct\":-1e999999999"), 400, "market.coins[0].momentum60sPct"));
        rows.add(row("POST", ENTRY, market("\"volatility60sPct\":1e308"), 400, "market.coins[0].volatility60sPct"));
        rows.add(row("POST", ENTRY, market("\"bookImbalance\":{\"bidShare\":2}"), 400, "market.coins[0].bookImbalance.bidShare"));
        rows.add(row("POST", ENTRY, market("\"trades60s\":{\"buyCount\":-1}"), 400, "market.coins[0].trades60s.buyCount"));
        rows.add(row("POST", ENTRY, market("\"trades60s\":{\"buyCount\":1.5}"), 400, "market.coins[0].trades60s.buyCount"));
        rows.add(row("POST", ENTRY, market("\"symbol\":\"" + "S".repeat(1000) + "\""), 400, "market.coins[0].symbol"));
        rows.add(row("POST", ENTRY, market("\"lastEventAgeMs\":-5"), 400, "market.coins[0].lastEventAgeMs"));
        // a scored record whose counts disagree: the 400 names the count, not a validation method
        rows.add(row("POST", ENTRY, record("\"calls\":2,\"right\":6,\"acted\":1,\"last\":\"RW\""), 400, "record.right"));
        rows.add(row("POST", ENTRY, record("\"calls\":2,\"right\":1,\"acted\":3,\"last\":\"RW\""), 400, "record.acted"));
        rows.add(row("POST", ENTRY, record("\"calls\":2,\"right\":1,\"acted\":1,\"last\":\"RWR\""), 400, "record.last"));
        rows.add(row("POST", EXIT, exit("\"record\":{\"horizonMinutes\":15,\"calls\":0,\"right\":1,\"acted\":0,\"last\":\"\",\"measuredEdge\":false}"),
                400, "record.right"));
        rows.add(row("POST", SENTIMENT, "{\"coins\":[\"" + "W".repeat(21) + "\"]}", 400, "coins[0]"));
        StringBuilder many = new StringBuilder("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"market\":{\"coins\":[");
        for (int i = 0; i < 60; i++) {
            many.append(i == 0 ? "" : ",").append("{\"coin\":\"C").append(i).append("X\"}");
        }
        rows.add(row("POST", ENTRY, many.append("]}}").toString(), 400, "market.coins"));
        rows.add(row("POST", SENTIMENT, "{\"coins\":[" + "\"BTC\",".repeat(20) + "\"BTC\"]}", 400, "coins"));
        rows.add(row("POST", SENTIMENT, "{\"coins\":[0]}", 400, "coins[0]"));
        rows.add(row("POST", SENTIMENT, "{\"coins\":[" + "\"BTC\",".repeat(100_000) + "\"BTC\"]}", 413, "body"));
        // controls
        for (String value : new String[] { "0", "1", "true", "\"MAGIC\"", "[\"AI\"]" }) {
            rows.add(row("PUT", "/api/ai/mode", "{\"mode\":" + value + "}", 400, "mode"));
        }
        rows.add(row("PUT", "/api/ai/model", "{\"model\":0}", 400, "model"));
        rows.add(row("PUT", "/api/ai/model", "{\"model\":\"" + "m".repeat(300) + "\"}", 400, "model"));
        for (String value : new String[] { "llama3.2:3b; rm -rf /", "llama3.2:3b\\n", "$(id)", " ", "llama 3" }) {
            rows.add(row("PUT", "/api/ai/model", "{\"model\":\"" + value + "\"}", 400, "model"));
        }
        rows.add(row("POST", "/api/ai/evaluate", "{\"replayFile\":\"a.jsonl\",\"samples\":1e999999999}", 400, "samples"));
        rows.add(row("POST", "/api/ai/evaluate", "{\"replayFile\":\"a.jsonl\",\"samples\":\"10\"}", 400, "samples"));
        rows.add(row("POST", "/api/ai/evaluate", "{\"replayFile\":\"a.jsonl\",\"everySeconds\":true}", 400, "everySeconds"));
        rows.add(row("POST", "/api/ai/evaluate", "{\"replayFile\":0}", 400, "replayFile"));
        rows.add(row("POST", "/api/ai/evaluate", "{\"replayFile\":\"/proc/self/pagemap\"}", 400, "replayFile"));
        rows.add(row("POST", "/api/ai/evaluate", "{\"models\":[" + "\"m\",".repeat(30) + "\"m\"],\"replayFile\":\"a.jsonl\"}", 400, "models"));
        // structure
        rows.add(row("POST", ENTRY, "[".repeat(5000) + "]".repeat(5000), 400, "body"));
        rows.add(row("POST", ENTRY, "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":" + "9".repeat(5000) + "}", 400, "body"));
        rows.add(row("POST", ENTRY, "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000} []", 400, "body"));
        rows.add(row("POST", RISK, "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"equity\":1,\"x\":\"" + "y".repeat(1_000_000) + "\"}", 413, "body"));
        return rows.stream();
    }

    private static String exit(String extra) {
        return "{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000,\"currentPrice\":95000," + extra + "}";
    }

    private static String market(String extra) {
        return "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"market\":{\"coins\":[{\"coin\":\"BTC\",\"lastPrice\":95000,"
                + extra + "}]}}";
    }

    private static String record(String counts) {
        return "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"record\":{\"horizonMinutes\":15," + counts
                + ",\"netPct\":-0.2,\"measuredEdge\":false}}";
    }

    /** A colleague's finding: right 6 of 2 calls answered {@code "field":"record.consistent"}, no field of the body. */
    @Test
    void aRecordWithMoreRightThanCallsNamesRight() {
        given().contentType(ContentType.JSON).body(record("\"calls\":2,\"right\":6,\"acted\":1,\"last\":\"RW\""))
                .post(ENTRY).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("record.right"))
                .body("error", org.hamcrest.Matchers.equalTo("record.right must be at most calls (2)"));
        assertEquals(0, OllamaReplies.analysisRequests().size(), "nothing reached the model");
    }

    private static Arguments row(String method, String path, String body, int status, String field) {
        String shown = body.length() > 70 ? body.substring(0, 70) + "… (" + body.length() + " chars)" : body;
        return Arguments.of(method + " " + path + " " + shown, method, path, body, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRefusedBeforeTheModelWithAShortJsonBodyNamingTheField(String name, String method, String path, String body,
            int status, String field) throws Exception {
        Response response = given().contentType(ContentType.JSON).body(body).request(method, path);
        String text = response.asString();
        assertEquals(status, response.statusCode(), text);
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        JsonNode json = JSON.readTree(text);
        assertTrue(json.has("error") && json.get("error").isTextual() && json.has("field"), text);
        assertEquals(field, json.get("field").asText(), text);
        assertTrue(text.length() < 600, "short: " + text.length() + " characters");
        assertFalse(CLASS_NAME.matcher(text).find(), "no class name: " + text);
        assertEquals(0, OllamaReplies.analysisRequests().size(), "nothing reached the model");
    }

    /** Issue 12: four prices of 1e999999991 tripped the breaker for every user; now they never reach it. */
    @Test
    void hugeNumbersNeverReachTheCircuitBreaker() {
        for (int i = 0; i < 8; i++) {
            given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":1e999999991}")
                    .post(ENTRY).then().statusCode(400);
        }
        assertEquals(0, OllamaReplies.analysisRequests().size());
        given().get("/api/ai/metrics").then().statusCode(200)
                .body("fallbacks.CIRCUIT_OPEN", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(),
                        org.hamcrest.Matchers.equalTo(0)));
    }

    /**
     * A 20 MB number is refused by the body limit before it is read: the heap does not grow by its size. Sent whole
     * by the JDK's client (RestAssured took seconds per copy of such a body in this JVM; the server refuses each in
     * well under a second).
     */
    @Test
    void aTwentyMegabyteNumberIsRefusedByTheBodyLimitAndMemoryStaysFlat() throws Exception {
        byte[] body = ("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":" + "9".repeat(20_000_000) + "}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long before = usedAfterGc();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(exit)
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), response.body());
            assertEquals("body", JSON.readTree(response.body()).path("field").asText(), response.body());
        }
        long grown = usedAfterGc() - before;
        assertTrue(grown < 32L * 1024 * 1024, "heap grew by " + grown / (1024 * 1024) + " MB");
        assertEquals(0, OllamaReplies.analysisRequests().size());
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
