package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.ErrorShape;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.ProposalService;

/**
 * Every 4xx/5xx answers {"error": ..., "field": ...} as JSON without Java class names, including the answers
 * Quarkus and Vert.x give on their own (unknown path, wrong method, wrong media type, unreadable JSON); enums in
 * any case; a number is never a boolean and a fraction never a whole number.
 */
@QuarkusTest
class ErrorShapeTest {

    @Inject
    ModeService modes;

    @Inject
    ProposalService proposals;

    @AfterEach
    void defaults() {
        modes.change(Mode.RULES, Policy.VETO);
        proposals.configure(true, 7);
    }

    @ParameterizedTest(name = "{0} {1} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET|/nope|-|-|404|-|no such path",
            "GET|/api/nope|-|-|404|-|no such path",
            "DELETE|/api/decision/mode|-|-|405|-|method DELETE is not allowed",
            "PUT|/api/decision/mode|text/plain|{\"mode\":\"AI\"}|415|Content-Type|Content-Type must be application/json",
            "PUT|/api/decision/mode|application/json|x|400|body|malformed JSON body",
            "PUT|/api/decision/mode|application/json|-|400|mode|mode is required",
            "PUT|/api/decision/mode|application/json|{\"mode\":\"sometimes\"}|400|mode|mode must be one of",
            "PUT|/api/decision/mode|application/json|{\"mode\":[1]}|400|mode|mode has the wrong type: expected a string",
            "PUT|/api/decision/settings|application/json|{\"requireConfirmation\":1}|400|requireConfirmation|true or false",
            "PUT|/api/decision/settings|application/json|{\"requireConfirmation\":\"yes\"}|400|requireConfirmation|true or false",
            "PUT|/api/decision/settings|application/json|{\"requireConfirmation\":true,\"autoMinConfidence\":7.5}|400|autoMinConfidence|whole number",
            "POST|/api/proposals/none/confirm|-|-|404|-|no proposal none",
            "GET|/test-only/boom|-|-|500|-|internal error"})
    void answersInTheOneErrorShape(String method, String path, String type, String body, int status, String field,
            String words) {
        ErrorShape.answers(method, path, type, body, status, field, words);
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(strings = {"hybrid", "HYBRID", "Hybrid"})
    void takesEnumsInAnyCase(String value) {
        given().contentType("application/json").body("{\"mode\":\"" + value + "\",\"policy\":\"agree\"}")
                .put("/api/decision/mode").then().statusCode(200)
                .body("mode", equalTo("HYBRID")).body("policy", equalTo("AGREE"));
    }
}
