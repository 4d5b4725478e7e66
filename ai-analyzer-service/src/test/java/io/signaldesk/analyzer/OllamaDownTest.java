package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Ollama not listening at all: answers from rules labelled MODEL_DOWN, then CIRCUIT_OPEN; the service stays ready. */
@QuarkusTest
@TestProfile(OllamaDownTest.NothingListening.class)
@QuarkusTestResource(StubServers.class)
class OllamaDownTest {

    public static class NothingListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.langchain4j.ollama.base-url", "http://localhost:1",
                    // no deadline of its own: the profile's 30 s (a refused connection answers MODEL_DOWN long before;
                    // a 5 s deadline here lost that race to class loading on a loaded machine and answered TIMEOUT)
                    "quarkus.fault-tolerance.\"io.signaldesk.analyzer.service.ModelGateway/ask\".circuit-breaker.request-volume-threshold", "2",
                    "quarkus.fault-tolerance.\"io.signaldesk.analyzer.service.ModelGateway/ask\".circuit-breaker.delay", "60000");
        }
    }

    @BeforeEach
    void fresh() {
        StubServers.reset();
    }

    @Test
    void answersFromRulesAsModelDownThenOpensTheCircuit() {
        String body = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000}";
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(body).post("/api/analysis/entry")
                    .then().statusCode(200)
                    .body("source", equalTo("RULES"))
                    .body("fallbackReason", equalTo("MODEL_DOWN"))
                    .body("result.enter", equalTo(true));
        }
        given().contentType(ContentType.JSON).body(body).post("/api/analysis/entry")
                .then().statusCode(200)
                .body("source", equalTo("RULES"))
                .body("fallbackReason", equalTo("CIRCUIT_OPEN"));
        given().contentType(ContentType.JSON).body("{}").post("/api/analysis/sentiment")
                .then().statusCode(200)
                .body("fallbackReason", equalTo("CIRCUIT_OPEN"));
        given().get("/api/ai/metrics").then().statusCode(200)
                .body("fallbacks.MODEL_DOWN", equalTo(2))
                .body("fallbacks.CIRCUIT_OPEN", equalTo(2));
    }

    @Test
    void staysReadyWhileTheOllamaCheckReportsItDown() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/group/ollama").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].name", equalTo("ollama"))
                .body("checks[0].data.reachable", equalTo(false))
                .body("checks[0].data.modelPulled", equalTo(false));
    }

    @Test
    void answers503ForModelsAndSaysUnreachableInTheStatus() {
        given().get("/api/ai/models").then().statusCode(503).body("error", containsString("Ollama unavailable"));
        given().contentType(ContentType.JSON).body("{\"model\":\"mistral:7b\"}").put("/api/ai/model").then().statusCode(503);
        given().get("/api/ai/status").then().statusCode(200).body("ollamaReachable", equalTo(false));
    }
}
