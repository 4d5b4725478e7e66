package io.signaldesk.analyzer.evaluate;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.analyzer.OllamaReplies;
import io.signaldesk.analyzer.StubServers;
import io.signaldesk.analyzer.service.ActiveModel;

/**
 * POST /api/ai/evaluate against a WireMock Ollama with known answers (sentiment always LONG BTC, entry valid,
 * exit always out of range, risk valid only on the reprompt) on the known price path of price-path.jsonl.
 */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class EvaluationResourceTest {

    static final String SENTIMENT = "{\"sentiment\":\"BULLISH\",\"confidence\":7,\"signal\":\"LONG\",\"coin\":\"BTC\",\"reason\":\"Bids dominate the book\"}";
    static final String ENTRY = "{\"enter\":true,\"confidence\":7,\"reason\":\"Buyers dominate\"}";
    static final String EXIT_OUT_OF_RANGE = "{\"action\":\"HOLD\",\"confidence\":42,\"reason\":\"Hold on\"}";
    static final String RISK_TOO_LARGE = "{\"positionSizePct\":150,\"stopLossPct\":1.5,\"confidence\":6,\"reason\":\"All in\"}";
    static final String RISK = "{\"positionSizePct\":2.0,\"stopLossPct\":1.5,\"confidence\":6,\"reason\":\"Volatility is moderate\"}";

    @Inject
    ActiveModel chatModel;

    @BeforeEach
    void knownAnswers() {
        StubServers.reset();
        var stub = StubServers.server();
        stub.stubFor(get(urlEqualTo("/api/ps")).willReturn(StubServers.json(StubServers.fixture("evaluate/ps.json"))));
        stub.stubFor(OllamaReplies.chatCall().withRequestBody(matchingJsonPath("$.messages[1].content", containing("SENTIMENT\n")))
                .willReturn(StubServers.json(OllamaReplies.chat(SENTIMENT))));
        stub.stubFor(OllamaReplies.chatCall().withRequestBody(matchingJsonPath("$.messages[1].content", containing("ENTRY ")))
                .willReturn(StubServers.json(OllamaReplies.chat(ENTRY))));
        stub.stubFor(OllamaReplies.chatCall().withRequestBody(matchingJsonPath("$.messages[1].content", containing("EXIT ")))
                .willReturn(StubServers.json(OllamaReplies.chat(EXIT_OUT_OF_RANGE))));
        stub.stubFor(OllamaReplies.chatCall().withRequestBody(matchingJsonPath("$.messages[1].content", containing("RISK ")))
                .willReturn(StubServers.json(OllamaReplies.chat(RISK_TOO_LARGE))));
        stub.stubFor(OllamaReplies.chatCall().withRequestBody(matchingJsonPath("$.messages[1].content", containing("RISK ")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", containing("YOUR PREVIOUS ANSWER WAS REJECTED")))
                .willReturn(StubServers.json(OllamaReplies.chat(RISK))));
    }

    private static String request(String models) {
        return "{" + models + "\"replayFile\":\"evaluate/price-path.jsonl\",\"samples\":3,\"everySeconds\":60}";
    }

    @Test
    void scoresEveryPulledModelOnTheReplayAndWritesTheTable() {
        given().contentType(ContentType.JSON).body(request(""))
                .when().post("/api/ai/evaluate")
                .then().statusCode(200)
                .body("samples", equalTo(3))
                .body("models.model", equalTo(java.util.List.of("llama3.2:3b", "mistral:7b")))
                .body("models[0].analyses", equalTo(12))
                .body("models[0].validOutputRate", equalTo(0.5f))
                .body("models[0].repromptRate", equalTo(0.5f))
                .body("models[0].fallbackRate", equalTo(0.25f))
                .body("models[0].hitRate1m", equalTo(0.6667f))
                .body("models[0].scored1m", equalTo(3))
                .body("models[0].hitRate5m", equalTo(0.0f))
                .body("models[0].scored5m", equalTo(2))
                .body("models[0].qualityScore", equalTo(40))
                .body("models[0].ramBytes", equalTo(2800000000L))
                .body("models[1].qualityScore", equalTo(40))
                .body("models[1].ramBytes", nullValue())
                .body("markdown", matchesPattern("(?s)\\| Model \\| Response Time \\| Quality Score \\| RAM Used \\|\n"
                        + "\\|-+\\|-+\\|-+\\|-+\\|\n"
                        + "\\| llama3\\.2:3b \\| \\d+ ms \\| 40/100 \\| 2\\.8 GB \\|\n"
                        + "\\| mistral:7b \\| \\d+ ms \\| 40/100 \\| n/a \\|\n.*"
                        + "\\| llama3\\.2:3b \\| 12 \\| \\d+ ms \\| \\d+ ms \\| [0-9.]+ \\| 50\\.0 % \\| 50\\.0 % \\| 25\\.0 % "
                        + "\\| 66\\.7 % \\(3\\) \\| 0\\.0 % \\(2\\) \\|\n.*"));

        long mistralCalls = OllamaReplies.chatRequests().stream()
                .filter(body -> "mistral:7b".equals(body.path("model").asText())).count();
        assertEquals(18, mistralCalls, "3 samples x (sentiment 1 + entry 1 + exit 2 + risk 2) calls");
        assertEquals("llama3.2:3b", chatModel.name(), "the model in use is switched back");
    }

    @Test
    void rejectsAMissingReplayFile() {
        given().contentType(ContentType.JSON).body("{\"replayFile\":\"does/not/exist.jsonl\"}")
                .when().post("/api/ai/evaluate")
                .then().statusCode(400)
                .body("field", equalTo("replayFile"))
                .body("error", equalTo("does/not/exist.jsonl: no such file in the data directory "
                        + "(GET /api/ai/evaluate/files lists them)"));
    }

    @Test
    void rejectsAModelOllamaDoesNotHave() {
        given().contentType(ContentType.JSON).body(request("\"models\":[\"phi3:mini\"],"))
                .when().post("/api/ai/evaluate")
                .then().statusCode(400)
                .body("field", equalTo("models"))
                .body("error", equalTo("Ollama has no model phi3:mini (pulled: [llama3.2:3b, mistral:7b])"));
    }

    @Test
    void rejectsOutOfRangeSamples() {
        given().contentType(ContentType.JSON).body("{\"replayFile\":\"x\",\"samples\":0}")
                .when().post("/api/ai/evaluate")
                .then().statusCode(400)
                .body("field", equalTo("samples"));
    }

    @Test
    void readsOnlyRecordingsOfTheDataDirectoryByRelativeName() throws Exception {
        java.nio.file.Path dataDir = java.nio.file.Path.of("target/test-classes");
        java.nio.file.Path outside = java.nio.file.Path.of("target/outside-data-dir").toAbsolutePath();
        java.nio.file.Files.createDirectories(outside);
        java.nio.file.Files.writeString(outside.resolve("secret.jsonl"), "{\"SIGNAL_API_KEY\":\"s3cret\"}\n");
        java.nio.file.Files.deleteIfExists(dataDir.resolve("escape.jsonl"));
        java.nio.file.Files.createSymbolicLink(dataDir.resolve("escape.jsonl"), outside.resolve("secret.jsonl"));
        String[][] refused = {
                { "/proc/self/pagemap", "replayFile must be a name relative to the data directory, not an absolute path" },
                { "/proc/self/environ", "replayFile must be a name relative to the data directory, not an absolute path" },
                { "../../../../etc/passwd.jsonl", "replayFile must not contain '..'" },
                { "escape.jsonl", "escape.jsonl: leads outside the data directory" },
                { "evaluate/ps.json", "evaluate/ps.json: only .jsonl and .jsonl.gz files can be read" },
                { "a\\u0000b.jsonl", "replayFile contains a control character or a backslash" } };
        for (String[] row : refused) {
            given().contentType(ContentType.JSON).body("{\"replayFile\":\"" + row[0] + "\"}")
                    .when().post("/api/ai/evaluate")
                    .then().statusCode(400)
                    .body("field", equalTo("replayFile"))
                    .body("error", equalTo(row[1]))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("s3cret")));
        }
        given().contentType(ContentType.JSON).body("{\"replayFile\":\"" + "a".repeat(5000) + ".jsonl\"}")
                .when().post("/api/ai/evaluate").then().statusCode(400).body("field", equalTo("replayFile"));
        given().when().get("/api/ai/evaluate/files").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItem("evaluate/price-path.jsonl"))
                .body("name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("escape.jsonl")))
                .body("find { it.name == 'evaluate/price-path.jsonl' }.size", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void takesTheRecordingInlineInTheBody() throws Exception {
        String recording = java.nio.file.Files.readString(ReplaySamplesTest.pricePath());
        given().contentType(ContentType.JSON)
                .body(java.util.Map.of("models", java.util.List.of("llama3.2:3b"), "replay", recording, "samples", 1))
                .when().post("/api/ai/evaluate")
                .then().statusCode(200)
                .body("samples", equalTo(1))
                .body("replayFile", equalTo("replay"));
        given().contentType(ContentType.JSON).body("{\"replay\":\"x\",\"replayFile\":\"evaluate/price-path.jsonl\"}")
                .when().post("/api/ai/evaluate").then().statusCode(400).body("field", equalTo("replayFile"));
    }
}
