package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * With the engine's key set (SIGNAL_ENGINE_KEY): outside callers are rate-limited per client with a 429 JSON answer and
 * Retry-After; the engine (X-Engine-Key) never is. The API key is set too ({@link KeyedDesk}): an outside caller's
 * analyses need no X-Api-Key.
 */
@QuarkusTest
@TestProfile(KeyedDesk.class)
@QuarkusTestResource(StubServers.class)
class OutsideCallersTest {

    private static final String ENTRY = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1}";

    @BeforeEach
    void fresh() {
        StubServers.reset();
        OllamaReplies.answer("{\"enter\":true,\"confidence\":7,\"reason\":\"Buyers lead.\"}");
    }

    /** Validation is cheap; the limit guards the model's time: a bad body is its 400 however often, and no turn. */
    @Test
    void anOutsideClientsBadBodiesAre400sThatTakeNoTurnOfItsLimit() {
        // burst 4: counted, the fifth of these would be a 429 (and would leave none for a valid analysis)
        for (int i = 0; i < 10; i++) {
            given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":-" + i + "}")
                    .post("/api/analysis/entry").then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("price"));
        }
        assertEquals(0, OllamaReplies.analysisRequests().size(), "nothing reached the model");
    }

    @Test
    void anOutsideClientPastItsBurstGets429WithRetryAfterWhileTheEngineIsServed() {
        Response limited = null;
        int answered = 0;
        // burst 4, then one a minute: twenty asks in a row cannot all pass
        for (int i = 0; i < 20 && limited == null; i++) {
            Response response = given().contentType(ContentType.JSON).body(ENTRY).post("/api/analysis/entry");
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertEquals(200, response.statusCode());
                answered++;
            }
        }
        assertNotNull(limited, "an outside client is limited");
        assertTrue(answered <= 4 + 1, "the burst and what refilled while it was asked: " + answered);
        assertTrue(limited.contentType().startsWith("application/json"), limited.contentType());
        assertTrue(limited.jsonPath().getString("error").contains("outside callers may ask 1 a minute (bursts of 4)"),
                limited.asString());
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, "Retry-After in whole seconds");

        for (int i = 0; i < 10; i++) {
            given().header("X-Engine-Key", KeyedDesk.ENGINE_KEY).contentType(ContentType.JSON).body(ENTRY)
                    .post("/api/analysis/entry").then().statusCode(200);
        }
        given().header("X-Engine-Key", "wrong").contentType(ContentType.JSON).body(ENTRY).post("/api/analysis/entry")
                .then().statusCode(429).body("error", containsString("too many analyses"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("analyzer_outside_limited_total"));
    }
}
