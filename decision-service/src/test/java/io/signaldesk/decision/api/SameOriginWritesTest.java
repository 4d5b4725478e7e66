package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.SameOriginWritesCheck;

/** The kill switch as the cross-site call: refused, and trading is not halted by it. */
@QuarkusTest
class SameOriginWritesTest extends SameOriginWritesCheck {

    @Override
    protected String method() {
        return "POST";
    }

    @Override
    protected String path() {
        return "/api/decision/halt";
    }

    @Test
    void aPageElsewhereCannotHaltTradingWithAPlainFormOrTextPost() {
        given().contentType("text/plain").body("{\"reason\":\"csrf\"}").post("/api/decision/halt").then().statusCode(415);
        given().contentType("application/x-www-form-urlencoded").body("reason=csrf").post("/api/decision/halt")
                .then().statusCode(415);
        given().header("Origin", "https://evil.example").post("/api/decision/halt").then().statusCode(403);
        given().get("/api/decision/risk").then().statusCode(200).body("halt.halted", equalTo(false));
    }
}
