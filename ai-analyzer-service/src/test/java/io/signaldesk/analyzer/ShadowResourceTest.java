package io.signaldesk.analyzer;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.signaldesk.analyzer.service.AnalysisCache;
import jakarta.inject.Inject;

/**
 * The shadow model (analyzer.shadow.model mistral:7b in tests, 8 GB for models): it answers the question the model in
 * use was asked, on idle time only, and is refused when it would evict the model in use (Ollama's /api/ps).
 */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class ShadowResourceTest {

    static final String ENTRY = "{\"enter\":true,\"confidence\":7,\"reason\":\"Bids lead and momentum is up.\"}";
    static final String SHADOW_ENTRY = "{\"enter\":false,\"confidence\":6,\"reason\":\"Momentum is too weak after costs.\"}";
    static final String QUESTION = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1,\"market\":"
            + StubServers.fixture("feed/snapshot.json") + "}";

    @Inject
    AnalysisCache cache;

    @BeforeEach
    void llamaLoadedAndBothAnswering() {
        StubServers.reset();
        cache.clear();
        StubServers.server().stubFor(get(urlEqualTo("/api/ps")).willReturn(StubServers.json(StubServers.fixture("ollama/ps.json"))));
        StubServers.server().stubFor(OllamaReplies.chatCall().willReturn(StubServers.json(OllamaReplies.chat(ENTRY))));
        StubServers.server().stubFor(OllamaReplies.chatCall().withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("mistral:7b")))
                .willReturn(StubServers.json(OllamaReplies.chat(SHADOW_ENTRY, 40, 20))));
    }

    @Test
    void shadowAnswersTheQuestionTheModelInUseWasAskedWithItsOwnModel() {
        long before = shadowFigures().getLong("shadow.answered");
        given().contentType(ContentType.JSON).body(QUESTION).post("/api/analysis/entry").then().statusCode(200)
                .body("source", equalTo("AI"));
        given().contentType(ContentType.JSON).body(QUESTION).post("/api/analysis/shadow/entry").then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("model", equalTo("mistral:7b"))
                .body("result.enter", equalTo(false)).body("result.confidence", equalTo(6))
                .body("completionTokens", equalTo(20));
        List<JsonNode> sent = OllamaReplies.analysisRequests();
        assertEquals(2, sent.size());
        assertEquals("llama3.2:3b", sent.get(0).path("model").asText());
        assertEquals("mistral:7b", sent.get(1).path("model").asText());
        assertEquals(sent.get(0).path("messages"), sent.get(1).path("messages"), "the same question, word for word");
        JsonPath figures = shadowFigures();
        assertEquals("ON", figures.getString("state"));
        assertEquals(before + 1, figures.getLong("shadow.answered"));
        assertEquals(2019393189L, figures.getLong("primary.ramBytes"), "the memory /api/ps says the model in use holds");
    }

    @Test
    void refusesAShadowThatWouldEvictTheModelInUse() {
        // llama3.2:3b loaded with a long context: 4.5 GB, and mistral:7b's 4.1 GB do not fit in 8 GB
        StubServers.server().stubFor(get(urlEqualTo("/api/ps")).willReturn(StubServers.json(
                StubServers.fixture("ollama/ps.json").replace("2019393189", "4500000000"))));
        given().get("/api/ai/shadow").then().statusCode(200).body("state", equalTo("REFUSED"))
                .body("reason", containsString("loading the shadow would evict llama3.2:3b"))
                .body("reason", containsString("llama3.2:3b (4.5 GB) + mistral:7b (4.1 GB) = 8.6 GB, more than the 8.0 GB"));
        given().contentType(ContentType.JSON).body(QUESTION).post("/api/analysis/shadow/entry").then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("reason", containsString("evict"));
        assertTrue(OllamaReplies.analysisRequests().isEmpty(), "a refused shadow asks Ollama nothing");
    }

    @Test
    void shadowGivesWayToTheDesksQuestionAndAnswersAfterIt() throws Exception {
        // the shadow's first call writes slowly: the desk's question comes while it is in Ollama
        StubServers.server().stubFor(OllamaReplies.chatCall().withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("mistral:7b")))
                .inScenario("slow shadow").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(StubServers.json(OllamaReplies.chat(SHADOW_ENTRY, 40, 20)).withFixedDelay(60_000))
                .willSetStateTo("asked once"));
        long preemptedBefore = shadowFigures().getLong("shadow.preempted");
        CompletableFuture<String> shadow = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(QUESTION).post("/api/analysis/shadow/entry").then().statusCode(200).extract().asString());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (OllamaReplies.analysisRequests().isEmpty() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        String desk = QUESTION.replace("95000.1", "95010.1");
        given().contentType(ContentType.JSON).body(desk).post("/api/analysis/entry").then().statusCode(200)
                .body("source", equalTo("AI")).body("result.enter", equalTo(true));
        JsonPath answer = JsonPath.from(shadow.get(30, TimeUnit.SECONDS));
        assertEquals("ANSWERED", answer.getString("status"));
        List<String> models = OllamaReplies.analysisRequests().stream().map(body -> body.path("model").asText()).toList();
        assertEquals(List.of("mistral:7b", "llama3.2:3b", "mistral:7b"), models,
                "the shadow put back for the desk's question, asked again once the model was free");
        assertEquals(preemptedBefore + 1, shadowFigures().getLong("shadow.preempted"));
    }

    @Test
    void aProbeAsksTheModelInUseTheDesksQuestionOnIdleTimeAndCountsIt() {
        long before = shadowFigures().getLong("probes.answered");
        given().contentType(ContentType.JSON).body(QUESTION).post("/api/analysis/probe/entry").then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("model", equalTo("llama3.2:3b"))
                .body("result.enter", equalTo(true)).body("result.confidence", equalTo(7));
        List<JsonNode> sent = OllamaReplies.analysisRequests();
        assertEquals(1, sent.size());
        assertEquals("llama3.2:3b", sent.get(0).path("model").asText(), "the model in use, not the shadow");
        JsonPath figures = shadowFigures();
        assertEquals(before + 1, figures.getLong("probes.answered"));
        assertEquals("llama3.2:3b", figures.getString("probes.model"));
    }

    @Test
    void aProbeGivesWayToTheDesksQuestionInTheLowestLane() throws Exception {
        // the probe's first call writes slowly: the desk's question comes while it is in Ollama
        String desk = QUESTION.replace("95000.1", "95010.1");
        StubServers.server().stubFor(OllamaReplies.chatCall()
                .inScenario("slow probe").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(StubServers.json(OllamaReplies.chat(ENTRY)).withFixedDelay(60_000))
                .willSetStateTo("asked once"));
        long preemptedBefore = shadowFigures().getLong("probes.preempted");
        CompletableFuture<String> probe = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(QUESTION).post("/api/analysis/probe/entry").then().statusCode(200).extract().asString());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (OllamaReplies.analysisRequests().isEmpty() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        given().contentType(ContentType.JSON).body(desk).post("/api/analysis/entry").then().statusCode(200)
                .body("source", equalTo("AI")).body("result.enter", equalTo(true));
        JsonPath answer = JsonPath.from(probe.get(30, TimeUnit.SECONDS));
        assertEquals("ANSWERED", answer.getString("status"));
        List<String> prices = OllamaReplies.analysisRequests().stream()
                .map(body -> body.toString().contains("9501") ? "desk" : "probe").toList();
        assertEquals(List.of("probe", "desk", "probe"), prices,
                "the probe put back for the desk's question, asked again once the model was free");
        assertEquals(preemptedBefore + 1, shadowFigures().getLong("probes.preempted"));
    }

    @Test
    void aShadowQuestionWithoutItsSnapshotIsRefusedNamingMarket() {
        given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1}")
                .post("/api/analysis/shadow/entry").then().statusCode(400).body("field", equalTo("market"));
    }

    private static JsonPath shadowFigures() {
        return given().get("/api/ai/shadow").then().statusCode(200).extract().jsonPath();
    }
}
