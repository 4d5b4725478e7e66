package io.signaldesk.analyzer;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.service.AiModeService;
import io.signaldesk.common.test.OpenApiDocumentCheck;

/** The analyzer's OpenAPI document as Swagger UI reads it; "Try it out" with the generated examples answers 2xx. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class OpenApiDocumentTest extends OpenApiDocumentCheck {

    @jakarta.inject.Inject
    AiModeService mode;

    @BeforeEach
    void stubs() {
        StubServers.reset();
    }

    @AfterEach
    void aiMode() {
        StubServers.reset();
        mode.set(AiMode.AI);
    }

    @org.junit.jupiter.api.Test
    void theFourAnalysesAnswerJsonByDefaultAndDocumentTheirEventsReadably() {
        String doc = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath json = new io.restassured.path.json.JsonPath(doc);
        for (String analysis : new String[] { "sentiment", "entry", "exit", "risk" }) {
            java.util.Map<String, Object> content = json.getMap("paths.'/api/analysis/" + analysis + "'.post.responses.'200'.content");
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("application/json", "text/event-stream"),
                    java.util.List.copyOf(content.keySet()), analysis);
            String events = json.getString("paths.'/api/analysis/" + analysis + "'.post.responses.'200'.content.'text/event-stream'.schema.description");
            org.junit.jupiter.api.Assertions.assertTrue(events.contains("event signal"), events);
        }
        org.junit.jupiter.api.Assertions.assertFalse(doc.contains("reconnectDelay"), "OutboundSseEvent internals in the document");
        // "Try it out" on the mode sends the first example: AI, never the switch to rules
        java.util.Map<String, java.util.Map<String, Object>> modes = json.getMap(
                "paths.'/api/ai/mode'.put.requestBody.content.'application/json'.examples");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("mode", "AI"), modes.values().iterator().next().get("value"));
    }

    /** Their examples need what this test cannot give: a scheduled sentiment (off in tests), a replay file on disk. */
    @Override
    protected Set<String> notTried() {
        return Set.of("GET /api/analysis/latest", "POST /api/ai/evaluate");
    }

    @Override
    protected int minimumOperations() {
        return 13;
    }
}
