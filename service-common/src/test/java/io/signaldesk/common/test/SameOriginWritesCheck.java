package io.signaldesk.common.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * A page on another site cannot call a service's mutating endpoints, key or no key: an Origin that is not the
 * service's or {@code Sec-Fetch-Site: cross-site} is a 403, a body that is not JSON (text/plain, a form: the requests
 * a browser sends without a preflight) a 415; the service's own page and clients without Origin pass. A service's
 * {@code @QuarkusTest SameOriginWritesTest} extends this and names one mutating call.
 */
public abstract class SameOriginWritesCheck {

    /** The method of a mutating call of this service (PUT, POST, ...). */
    protected abstract String method();

    /** Its path. */
    protected abstract String path();

    @Test
    void aRequestFromAnotherOriginIsRefusedWithoutBeingServed() {
        send(given().header("Origin", "https://evil.example").contentType("application/json").body("{}"))
                .then().statusCode(403).body("field", equalTo("Origin"))
                .body("error", equalTo("cross-site request refused: Origin https://evil.example is not this service"));
        send(given().header("Origin", "null").contentType("application/json").body("{}")).then().statusCode(403);
        send(given().header("Sec-Fetch-Site", "cross-site").contentType("application/json").body("{}"))
                .then().statusCode(403).body("field", equalTo("Sec-Fetch-Site"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        send(given().contentType("text/plain").body("{\"reason\":\"x\"}")).then().statusCode(415)
                .body("field", equalTo("Content-Type")).body("error", startsWith("Content-Type must be application/json"));
        send(given().contentType("application/x-www-form-urlencoded").body("reason=x")).then().statusCode(415);
        send(given().contentType("multipart/form-data; boundary=b").body("--b--\r\n".getBytes())).then().statusCode(415);
    }

    @Test
    void theServicesOwnPageAndClientsWithoutOriginPass() {
        String self = "http://localhost:" + RestAssured.port;
        send(given().header("Origin", self).header("Sec-Fetch-Site", "same-origin").contentType("application/json")
                .body("{")).then().statusCode(allOf(not(403), not(415)));
        send(given().contentType("application/json; charset=utf-8").body("{")).then().statusCode(allOf(not(403), not(415)));
    }

    private io.restassured.response.Response send(RequestSpecification request) {
        return request.when().request(method(), path());
    }
}
