package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Against a real Ollama (OLLAMA_BASE_URL, OLLAMA_MODEL pulled); skipped when OLLAMA_BASE_URL is not set. */
@Tag("ollama")
@EnabledIfEnvironmentVariable(named = "OLLAMA_BASE_URL", matches = ".+")
@QuarkusTest
@TestProfile(LiveOllamaTest.RealOllama.class)
@QuarkusTestResource(StubServers.class)
class LiveOllamaTest {

    public static class RealOllama implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.langchain4j.ollama.base-url", java.util.Objects.requireNonNullElse(System.getenv("OLLAMA_BASE_URL"), "http://localhost:11434"),
                    "analyzer.deadline", "60s", "quarkus.langchain4j.ollama.timeout", "60s");
        }
    }

    @Test
    void theLocalModelAnswersTheFourAnalysesWithTokensCounted() {
        String market = StubServers.fixture("feed/snapshot.json");
        String[][] asks = {
                {"sentiment", "{\"market\":" + market + "}"},
                {"entry", "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"market\":" + market + "}"},
                {"exit", "{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000,\"currentPrice\":95000,\"market\":" + market + "}"},
                {"risk", "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"equity\":10000,\"market\":" + market + "}"}};
        for (String[] ask : asks) {
            given().contentType(ContentType.JSON).body(ask[1]).post("/api/analysis/" + ask[0])
                    .then().statusCode(200)
                    .body("source", equalTo("AI"))
                    .body("promptTokens", greaterThan(0))
                    .body("completionTokens", greaterThan(0));
        }
    }
}
