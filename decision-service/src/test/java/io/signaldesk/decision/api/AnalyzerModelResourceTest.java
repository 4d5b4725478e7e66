package io.signaldesk.decision.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.decision.support.InjectWireMock;
import io.signaldesk.decision.support.WireMockAnalyzer;

/** The dashboard's model picker goes through here to the analyzer: its answers passed on, its absence a 503. */
@QuarkusTest
@QuarkusTestResource(WireMockAnalyzer.class)
class AnalyzerModelResourceTest {

    static final String MODELS = "{\"active\":\"llama3.2:3b\",\"models\":[{\"name\":\"llama3.2:3b\",\"size\":2019393189,"
            + "\"parameterSize\":\"3.2B\",\"quantization\":\"Q4_K_M\",\"family\":\"llama\",\"active\":true,"
            + "\"predictedSignalMs\":760,\"warning\":null},{\"name\":\"mistral:7b\",\"size\":4113301824,\"parameterSize\":\"7.2B\","
            + "\"quantization\":\"Q4_0\",\"family\":\"llama\",\"active\":false,\"predictedSignalMs\":1710,\"warning\":null}]}";

    @InjectWireMock
    WireMockServer analyzer;

    @BeforeEach
    void reset() {
        analyzer.resetAll();
    }

    @Test
    void listsTheAnalyzersModelsWithTheirPredictedTimeToADecision() {
        analyzer.stubFor(get(urlEqualTo("/api/ai/models")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(MODELS)));
        given().get("/api/analyzer/models").then().statusCode(200)
                .body("active", equalTo("llama3.2:3b"))
                .body("models[1].name", equalTo("mistral:7b"))
                .body("models[1].predictedSignalMs", equalTo(1710));
    }

    @Test
    void switchesThroughTheAnalyzerAndPassesItsRefusalOn() {
        analyzer.stubFor(put(urlEqualTo("/api/ai/model")).withRequestBody(equalToJson("{\"model\":\"mistral:7b\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"model\":\"mistral:7b\"}")));
        analyzer.stubFor(put(urlEqualTo("/api/ai/model")).withRequestBody(equalToJson("{\"model\":\"phi3:mini\"}"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":\"Ollama has no model phi3:mini; pull it first (ollama pull phi3:mini)\",\"field\":\"model\"}")));

        given().contentType(ContentType.JSON).body("{\"model\":\" mistral:7b \"}").put("/api/analyzer/model")
                .then().statusCode(200).body("model", equalTo("mistral:7b"));
        given().contentType(ContentType.JSON).body("{\"model\":\"phi3:mini\"}").put("/api/analyzer/model")
                .then().statusCode(404).body("field", equalTo("model"));
        given().contentType(ContentType.JSON).body("{\"model\":\"\"}").put("/api/analyzer/model")
                .then().statusCode(400).body("field", equalTo("model"));
        analyzer.verify(2, putRequestedFor(urlEqualTo("/api/ai/model")));
    }

    @Test
    void answers503WhenTheAnalyzerOrItsOllamaIsDown() {
        analyzer.stubFor(get(urlEqualTo("/api/ai/models")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Ollama unavailable\"}")));
        given().get("/api/analyzer/models").then().statusCode(503).body("error", equalTo("the analyzer cannot reach its Ollama"));
    }
}
