package io.signaldesk.feed.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.ErrorShape;

/** Every 4xx/5xx answers {"error": ..., "field": ...} as JSON without Java class names, including Quarkus's own. */
@QuarkusTest
class ErrorShapeTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "GET|/nope|404|-|no such path",
            "GET|/api/nope|404|-|no such path",
            "POST|/api/market/snapshot|405|-|method POST is not allowed",
            "DELETE|/api/market/sources|405|-|method DELETE is not allowed",
            "GET|/api/market/snapshot/DOGE|404|coin|not followed",
            "GET|/api/market/book/BTC?depth=0|400|depth|depth must be",
            "GET|/api/market/trades/BTC?limit=lots|400|limit|limit must be",
            "GET|/test-only/boom|500|-|internal error"})
    void answersInTheOneErrorShape(String method, String path, int status, String field, String words) {
        ErrorShape.answers(method, path, null, null, status, field, words);
    }

    @ParameterizedTest(name = "Accept {0} -> 406")
    @CsvSource({"text/html", "application/xml"})
    void refusesAnotherMediaTypeInTheSameShape(String accept) {
        given().accept(accept).get("/api/market/snapshot")
                .then().statusCode(406).contentType(startsWith("application/json")).body("error", notNullValue());
    }
}
