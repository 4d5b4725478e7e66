package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.ErrorShape;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.service.AiModeService;

/**
 * Every 4xx/5xx answers {"error": ..., "field": ...} as JSON without Java class names, including the answers
 * Quarkus gives on its own (unknown path, wrong method, wrong media type, unreadable JSON); enums in any case,
 * never as numbers; a missing optional body is an empty request.
 */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class ErrorShapeTest {

    @jakarta.inject.Inject
    AiModeService mode;

    @BeforeEach
    @AfterEach
    void aiMode() {
        StubServers.reset();
        mode.set(AiMode.AI);
    }

    @ParameterizedTest(name = "{0} {1} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET|/nope|-|-|404|-|no such path",
            "DELETE|/api/ai/mode|-|-|405|-|method DELETE is not allowed",
            "PUT|/api/ai/mode|text/plain|{\"mode\":\"AI\"}|415|Content-Type|Content-Type must be application/json",
            "PUT|/api/ai/mode|application/json|x|400|body|malformed JSON body",
            "PUT|/api/ai/mode|application/json|{\"mode\":0}|400|mode|mode has the wrong type: expected one of AI, RULES",
            "PUT|/api/ai/mode|application/json|{\"mode\":\"sometimes\"}|400|mode|mode has the wrong type: expected one of AI, RULES",
            "POST|/api/analysis/entry|application/json|{\"coin\":\"BTC\",\"side\":1,\"price\":95000}|400|side|expected one of LONG, SHORT",
            "POST|/api/analysis/entry|application/json|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":\"95000\"}|400|price|price has the wrong type: expected a number",
            "POST|/api/analysis/entry|application/json|-|400|body|must not be null",
            "PUT|/api/ai/model|application/json|{\"model\":\"\"}|400|model|model must be an Ollama model name",
            "PUT|/api/ai/model|application/json|{}|400|model|must not be null",
            "GET|/test-only/boom|-|-|500|-|internal error"})
    void answersInTheOneErrorShape(String method, String path, String type, String body, int status, String field,
            String words) {
        ErrorShape.answers(method, path, type, body, status, field, words);
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(strings = {"rules", "RULES", "Rules"})
    void takesEnumsInAnyCase(String value) {
        given().contentType("application/json").body("{\"mode\":\"" + value + "\"}").put("/api/ai/mode")
                .then().statusCode(200).body("mode", equalTo("RULES"));
        given().contentType("application/json").body("{\"coin\":\"btc\",\"side\":\"long\",\"price\":95000}")
                .post("/api/analysis/entry").then().statusCode(200).body("type", equalTo("ENTRY"));
    }

    @Test
    void sentimentWithoutBodyIsAnEmptyRequest() {
        given().noContentType().post("/api/analysis/sentiment").then().statusCode(200).body("type", equalTo("SENTIMENT"));
        given().contentType("text/plain").post("/api/analysis/sentiment").then().statusCode(200);
    }
}
