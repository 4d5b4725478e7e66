package io.signaldesk.analyzer;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.signaldesk.analyzer.service.ActiveModel;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.service.AiModeService;
import io.signaldesk.analyzer.service.AnalysisCache;
import io.signaldesk.analyzer.service.ModelGateway;

/** Token accounting, the status line, models and mode over HTTP. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class AiResourceTest {

    @Inject
    AnalysisCache cache;

    @Inject
    AiModeService mode;

    @Inject
    ActiveModel chatModel;

    @Inject
    ModelGateway gateway;

    @BeforeEach
    void fresh() {
        StubServers.reset();
        ModelWarmup.once(gateway);
        cache.clear();
        mode.set(AiMode.AI);
        chatModel.set("llama3.2:3b");
    }

    @AfterEach
    void back() {
        chatModel.set("llama3.2:3b");
    }

    @Test
    void countsPromptAndCompletionTokensOfEveryModelCall() {
        JsonPath before = given().get("/api/ai/metrics").then().statusCode(200).extract().jsonPath();
        OllamaReplies.answer(AnalysisResourceTest.VALID_SENTIMENT);

        given().contentType(ContentType.JSON).body("{\"coins\":[\"BTC\"]}").post("/api/analysis/sentiment")
                .then().statusCode(200).body("source", equalTo("AI"));
        given().contentType(ContentType.JSON).body("{\"coins\":[\"BTC\",\"ETH\"]}").post("/api/analysis/sentiment")
                .then().statusCode(200).body("source", equalTo("AI"));

        JsonPath after = given().get("/api/ai/metrics").then().statusCode(200).extract().jsonPath();
        assertEquals(2 * 150, after.getLong("totalTokens") - before.getLong("totalTokens"));
        assertEquals(2 * 120, after.getLong("totalPromptTokens") - before.getLong("totalPromptTokens"));
        assertEquals(2 * 30, after.getLong("totalCompletionTokens") - before.getLong("totalCompletionTokens"));
        assertEquals(2, after.getLong("totalCalls") - before.getLong("totalCalls"));
        assertEquals(2 * 150, after.getLong("sessionTokens") - before.getLong("sessionTokens"));
        assertEquals("llama3.2:3b", after.getString("modelName"));
        assertTrue(after.getDouble("tokensPerSecond") > 0, "tokens/s from completion tokens over model time");
        assertTrue(after.getDouble("p95ResponseTimeMs") >= 0);
    }

    @Test
    void theModeIsAnOperatorSettingThatSaysSinceWhenAndWhoSetIt() {
        // the fixture set AI; switching to RULES is an operator's act, stamped with its time
        java.time.Instant before = java.time.Instant.now();
        JsonPath forced = given().contentType(ContentType.JSON).body("{\"mode\":\"RULES\"}").put("/api/ai/mode")
                .then().statusCode(200).body("mode", equalTo("RULES")).body("setBy", equalTo("operator"))
                .extract().jsonPath();
        java.time.Instant since = java.time.Instant.parse(forced.getString("since"));
        assertTrue(!since.isBefore(before), since + " before " + before);
        given().get("/api/ai/mode").then().statusCode(200).body("mode", equalTo("RULES"))
                .body("since", equalTo(forced.getString("since"))).body("setBy", equalTo("operator"));
        given().get("/api/ai/status").then().statusCode(200).body("mode", equalTo("RULES"))
                .body("modeSince", equalTo(forced.getString("since"))).body("modeSetBy", equalTo("operator"));
        // the same switch again keeps its time: the analyzer has been on the rules since the first
        given().contentType(ContentType.JSON).body("{\"mode\":\"RULES\"}").put("/api/ai/mode")
                .then().statusCode(200).body("since", equalTo(forced.getString("since")));
        given().contentType(ContentType.JSON).body("{\"mode\":\"AI\"}").put("/api/ai/mode")
                .then().statusCode(200).body("mode", equalTo("AI")).body("setBy", equalTo("operator"));
    }

    @Test
    void countsCachedAnswersApartFromModelCallsAndRules() {
        JsonPath before = given().get("/api/ai/metrics").then().statusCode(200).extract().jsonPath();
        JsonPath machineBefore = given().get("/api/ai/status").then().statusCode(200).extract().jsonPath();
        OllamaReplies.answer(AnalysisResourceTest.VALID_SENTIMENT);
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body("{\"coins\":[\"BTC\"]}").post("/api/analysis/sentiment")
                    .then().statusCode(200).body("source", equalTo(i == 0 ? "AI" : "CACHE"));
        }
        given().contentType(ContentType.JSON).body("{\"mode\":\"RULES\"}").put("/api/ai/mode").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"coins\":[\"BTC\"]}").post("/api/analysis/sentiment")
                .then().statusCode(200).body("source", equalTo("RULES"));
        given().contentType(ContentType.JSON).body("{\"mode\":\"AI\"}").put("/api/ai/mode").then().statusCode(200);

        JsonPath after = given().get("/api/ai/metrics").then().statusCode(200).extract().jsonPath();
        assertEquals(1, after.getLong("modelAnswers") - before.getLong("modelAnswers"));
        assertEquals(2, after.getLong("cacheAnswers") - before.getLong("cacheAnswers"));
        assertEquals(1, after.getLong("rulesAnswers") - before.getLong("rulesAnswers"));
        assertEquals(1, after.getLong("totalCalls") - before.getLong("totalCalls"), "a cache hit is no model call");
        JsonPath machine = given().get("/api/ai/status").then().statusCode(200).extract().jsonPath();
        assertEquals(1, machine.getLong("machine.modelAnswersLast15m") - machineBefore.getLong("machine.modelAnswersLast15m"));
        assertEquals(2, machine.getLong("machine.cacheAnswersLast15m") - machineBefore.getLong("machine.cacheAnswersLast15m"));
        // RULES mode is the user's choice, not a fallback: not in the machine's 15-minute figures
        assertEquals(0, machine.getLong("machine.rulesAnswersLast15m") - machineBefore.getLong("machine.rulesAnswersLast15m"));
    }

    @Test
    void resetsTheSessionButKeepsTotals() {
        OllamaReplies.answer(AnalysisResourceTest.VALID_SENTIMENT);
        given().contentType(ContentType.JSON).body("{\"coins\":[\"SOL\",\"BTC\"]}").post("/api/analysis/sentiment")
                .then().statusCode(200);

        given().post("/api/ai/metrics/session/reset").then().statusCode(200)
                .body("sessionTokens", equalTo(0))
                .body("sessionCalls", equalTo(0));
        long total = given().get("/api/ai/metrics").then().extract().jsonPath().getLong("totalTokens");
        assertTrue(total >= 150);
    }

    @Test
    void showsTheProductStatusLineWithThousandsSeparators() {
        JsonPath status = given().get("/api/ai/status").then().statusCode(200)
                .body("mode", equalTo("AI"))
                .body("model", equalTo("llama3.2:3b"))
                .body("ollamaReachable", equalTo(true))
                .extract().jsonPath();
        JsonPath metrics = given().get("/api/ai/metrics").then().statusCode(200).extract().jsonPath();
        String expected = String.format(java.util.Locale.US,
                "🧠 AI REASONING │ 🤖 LOCAL AI │ Model: llama3.2:3b │ Tokens: %,d │ Calls: %,d │ Avg: %,dms"
                        + " │ Answers: %,d model · %,d cache · %,d rules",
                status.getLong("totalTokens"), status.getLong("totalCalls"), Math.round(status.getDouble("avgResponseTimeMs")),
                metrics.getLong("modelAnswers"), metrics.getLong("cacheAnswers"), metrics.getLong("rulesAnswers"));
        assertEquals(expected, status.getString("line"));
    }

    @Test
    void listsTheModelsOllamaHas() {
        given().get("/api/ai/models").then().statusCode(200)
                .body("active", equalTo("llama3.2:3b"))
                .body("models.name", hasItems("llama3.2:3b", "mistral:7b"))
                .body("models[0].size", equalTo(2019393189))
                .body("models[0].quantization", equalTo("Q4_K_M"))
                .body("models[0].parameterSize", equalTo("3.2B"))
                .body("models[0].active", equalTo(true));
    }

    @Test
    void switchesToAListedModelPreloadsItAndAsksIt() {
        given().contentType(ContentType.JSON).body("{\"model\":\"mistral:7b\"}").put("/api/ai/model")
                .then().statusCode(200).body("model", equalTo("mistral:7b"));

        OllamaReplies.answer(AnalysisResourceTest.VALID_SENTIMENT);
        given().contentType(ContentType.JSON).body("{\"coins\":[\"BTC\"]}").post("/api/analysis/sentiment")
                .then().statusCode(200).body("model", equalTo("mistral:7b"));
        List<com.fasterxml.jackson.databind.JsonNode> sent = OllamaReplies.chatRequests();
        assertEquals("mistral:7b", sent.get(sent.size() - 1).get("model").asText());
        given().get("/api/ai/models").then().body("active", equalTo("mistral:7b"));
        pollPreload("mistral:7b");
    }

    @Test
    void answers404ForAModelOllamaDoesNotHave() {
        given().contentType(ContentType.JSON).body("{\"model\":\"phi3:mini\"}").put("/api/ai/model")
                .then().statusCode(404)
                .body("field", equalTo("model"))
                .body("error", containsString("phi3:mini"));
        given().get("/api/ai/models").then().body("active", equalTo("llama3.2:3b"));
    }

    @Test
    void answers400ForABlankModel() {
        given().contentType(ContentType.JSON).body("{\"model\":\"  \"}").put("/api/ai/model")
                .then().statusCode(400).body("field", equalTo("model"));
        given().contentType(ContentType.JSON).body("{}").put("/api/ai/model")
                .then().statusCode(400).body("field", equalTo("model"));
    }

    @Test
    void answers400ForAnUnknownMode() {
        given().contentType(ContentType.JSON).body("{\"mode\":\"MAGIC\"}").put("/api/ai/mode")
                .then().statusCode(400).body("field", equalTo("mode"));
        given().contentType(ContentType.JSON).body("{}").put("/api/ai/mode")
                .then().statusCode(400).body("field", equalTo("mode"));
    }

    @Test
    void exposesTheAnalyzerMeters() {
        OllamaReplies.answer(AnalysisResourceTest.VALID_SENTIMENT);
        given().contentType(ContentType.JSON).body("{\"coins\":[\"ETH\",\"BTC\"]}").post("/api/analysis/sentiment")
                .then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("analyzer_analyses_total{source=\"AI\",type=\"SENTIMENT\"}"))
                .body(containsString("analyzer_cache_misses_total"))
                .body(containsString("analyzer_latency_seconds_bucket"))
                .body(containsString("analyzer_model_info{model=\"llama3.2:3b\"} 1.0"))
                .body(containsString("analyzer_tokens_per_second"))
                .body(containsString("gen_ai_client_token_usage_total{gen_ai_system=\"ollama\",gen_ai_token_type=\"input\"}"))
                .body(containsString("analyzer_time_to_signal_seconds_bucket"))
                .body(containsString("analyzer_queue_wait_seconds_bucket"))
                .body(containsString("analyzer_queue_coalesced_total"));
    }

    /** The preload runs in the background after the switch answered. */
    private static void pollPreload(String model) {
        for (int i = 0; i < 300; i++) { // up to 30 s on a loaded machine
            int count = StubServers.server().findAll(postRequestedFor(urlEqualTo("/api/generate"))
                    .withRequestBody(equalToJson("{\"model\":\"" + model + "\",\"keep_alive\":1800,\"options\":{\"num_ctx\":2048}}")))
                    .size();
            if (count > 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("no preload of " + model + " with keep_alive 1800 and the num_ctx of every call");
    }
}
