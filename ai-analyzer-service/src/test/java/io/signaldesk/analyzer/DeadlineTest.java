package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.service.AiModeService;
import io.signaldesk.analyzer.service.AnalysisCache;
import io.signaldesk.analyzer.service.ModelGateway;

/**
 * The deadline (analyzer.deadline, 1 s in {@link KeyedDesk}; long in the other test profiles, so a loaded machine never
 * turns their model answers into rules): a model slower than it is answered for by the rules, labelled TIMEOUT, and its
 * late answer is kept for the next ask. The desk asks (X-Engine-Key), as it does in production.
 */
@QuarkusTest
@TestProfile(KeyedDesk.class)
@QuarkusTestResource(StubServers.class)
class DeadlineTest {

    @Inject
    AnalysisCache cache;

    @Inject
    ModelGateway gateway;

    @Inject
    AiModeService mode;

    @BeforeEach
    void freshStubs() {
        StubServers.reset();
        ModelWarmup.once(gateway);
        cache.clear();
        mode.set(AiMode.AI);
    }

    @Test
    void answersFromRulesLabelledTimeoutWhenTheModelIsPastTheDeadline() throws InterruptedException {
        StubServers.server().stubFor(OllamaReplies.chatCall().willReturn(StubServers.json(
                OllamaReplies.chat("{\"enter\":false,\"confidence\":4,\"reason\":\"Too late to chase.\"}"))
                .withFixedDelay(1500))); // past KeyedDesk's 1 s deadline

        given().header("X-Engine-Key", KeyedDesk.ENGINE_KEY).contentType(ContentType.JSON)
                .body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.0}")
                .when().post("/api/analysis/entry")
                .then().statusCode(200)
                .body("type", equalTo("ENTRY"))
                .body("source", equalTo("RULES"))
                .body("fallbackReason", equalTo("TIMEOUT"))
                .body("result.enter", equalTo(true))
                // the engine's confidence for BTC: 6 at the thresholds, +1 for buy volume at twice 1.2 x sell (1.25 >= 0.96)
                .body("result.confidence", equalTo(7));
        // the model call goes on after the deadline; let it land (it fills the cache) so no later test sees it
        for (int i = 0; i < 1200 && cache.size() == 0; i++) { // up to a minute on a loaded machine
            Thread.sleep(50);
        }
        assertEquals(1, cache.size());
    }

    @Test
    void keepsAModelAnswerThatArrivedAfterTheDeadlineForTheNextAsk() throws InterruptedException {
        StubServers.server().stubFor(OllamaReplies.chatCall().willReturn(StubServers.json(
                OllamaReplies.chat("{\"action\":\"CLOSE\",\"confidence\":8,\"reason\":\"Sellers took over.\"}"))
                .withFixedDelay(1500))); // past KeyedDesk's 1 s deadline
        String body = "{\"coin\":\"ETH\",\"side\":\"LONG\",\"entryPrice\":3290,\"currentPrice\":3300.55}";

        given().header("X-Engine-Key", KeyedDesk.ENGINE_KEY).contentType(ContentType.JSON).body(body).post("/api/analysis/exit")
                .then().statusCode(200).body("fallbackReason", equalTo("TIMEOUT"));
        for (int i = 0; i < 1200 && cache.size() == 0; i++) {
            Thread.sleep(50);
        }
        given().header("X-Engine-Key", KeyedDesk.ENGINE_KEY).contentType(ContentType.JSON).body(body).post("/api/analysis/exit")
                .then().statusCode(200)
                .body("source", equalTo("CACHE"))
                .body("result.action", equalTo("CLOSE"));
        // analyses only: the model's priming at start (READY?) may land in this test when the profile's app is new
        assertEquals(1, OllamaReplies.analysisRequests().size(), OllamaReplies.analysisRequests().toString());
    }
}
