package io.signaldesk.common.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The one error shape, asserted the same way in every service's ErrorShapeTest. */
public final class ErrorShape {

    private ErrorShape() {
    }

    /**
     * Sends {@code method path} (with {@code type} and {@code body} when not null) and checks the answer: the status,
     * JSON, an error containing {@code words} without Java class names, and {@code field} (absent when null).
     */
    public static ValidatableResponse answers(String method, String path, String type, String body, int status,
            String field, String words) {
        RequestSpecification request = given().accept("application/json");
        if (type != null) {
            request.contentType(type);
        }
        if (body != null) {
            request.body(body);
        }
        ValidatableResponse answer = request.request(method, path).then().statusCode(status)
                .contentType(startsWith("application/json"))
                .body("error", containsString(words))
                .body("error", not(containsString("java.")))
                .body("error", not(containsString("com.fasterxml")))
                .body("error", not(containsString("io.signaldesk")))
                .body("error", not(containsString("Exception")));
        return field == null ? answer.body("$", not(hasKey("field"))) : answer.body("field", equalTo(field));
    }
}
