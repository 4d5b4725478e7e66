package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.langchain4j.observability.api.AiServiceListenerRegistrar;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import io.quarkiverse.langchain4j.observability.AiServiceEvents;
import io.quarkiverse.langchain4j.observability.AiServiceSelector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.analyzer.ai.MarketAnalyst;
import io.signaldesk.analyzer.ai.ObservedEventsRegistrar;
import io.signaldesk.analyzer.service.AnalysisCache;
import io.signaldesk.analyzer.service.ModelGateway;

/** The AI service's CDI events: bridged where a bean observes them, not fired into the void where none does. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class AiServiceEventsTest {

    /** A bean that wants MarketAnalyst's completed calls, as an observability add-on would. */
    @Singleton
    static class CompletedCalls {
        final Semaphore heard = new Semaphore(0);

        void on(@Observes @AiServiceSelector(MarketAnalyst.class) AiServiceCompletedEvent event) {
            heard.release();
        }
    }

    @Inject
    CompletedCalls completed;

    @Inject
    AnalysisCache cache;

    @Inject
    ModelGateway gateway;

    @BeforeEach
    void freshStubs() {
        StubServers.reset();
        ModelWarmup.once(gateway);
        cache.clear();
    }

    @Test
    void langChain4jLoadsTheRegistrarAsItsService() {
        assertInstanceOf(ObservedEventsRegistrar.class, AiServiceListenerRegistrar.newInstance());
    }

    @Test
    void bridgesOnlyTheEventsABeanObserves() {
        // every call fires started, response received and completed (error on a failure); only completed is observed here
        for (AiServiceEvents event : List.of(AiServiceEvents.STARTED, AiServiceEvents.RESPONSE_RECEIVED,
                AiServiceEvents.ERROR, AiServiceEvents.TOOL_EXECUTED)) {
            assertFalse(ObservedEventsRegistrar.observed(event.createListener(MarketAnalyst.class)),
                    event.name() + " has no observer, so no bridge");
        }
        assertTrue(ObservedEventsRegistrar.observed(AiServiceEvents.COMPLETED.createListener(MarketAnalyst.class)));
        // the extension's own guardrail metrics observe the guardrail events: those bridges stay
        assertTrue(ObservedEventsRegistrar.observed(
                AiServiceEvents.OUTPUT_GUARDRAIL_EXECUTED.createListener(MarketAnalyst.class)));
    }

    @Test
    void anObserverOfTheAnalystHearsEachCompletedAnalysis() throws InterruptedException {
        completed.heard.drainPermits();
        OllamaReplies.answer("{\"enter\":true,\"confidence\":8,\"reason\":\"Bids at 62 % and rising momentum back the long.\"}");

        given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.0}")
                .when().post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("AI"));

        assertTrue(completed.heard.tryAcquire(30, TimeUnit.SECONDS), "the AI service's completed event reached the bean");
    }
}
