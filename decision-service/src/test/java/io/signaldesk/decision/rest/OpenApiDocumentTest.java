package io.signaldesk.decision.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.service.ModeService;
import io.signaldesk.decision.service.ProposalService;

/**
 * The OpenAPI document as Swagger UI reads it: readable described tags, an example for every request body,
 * error responses in the error schema, and "Try it out" with the generated examples answering 2xx.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** The error shape, and its 409 variant naming the risk limit that refused a confirmation. */
    private static final Set<String> ERROR_SCHEMAS = Set.of("#/components/schemas/ApiError",
            "#/components/schemas/RiskRefusalError");
    /**
     * Not sent here: their examples need a live proposal id or an open position, or they change the risk limits and
     * halt the engine under the other tests of this JVM, or they need the analyzer and its Ollama running (the
     * analyzer's model list and switch).
     */
    private static final Set<String> NOT_TRIED = Set.of("GET /api/proposals/{id}", "POST /api/proposals/{id}/confirm",
            "POST /api/proposals/{id}/reject", "PUT /api/decision/risk", "POST /api/decision/halt",
            "GET /api/analyzer/models", "PUT /api/analyzer/model", "POST /api/portfolio/positions/{coin}/write-off");

    @jakarta.inject.Inject
    ModeService modes;

    @jakarta.inject.Inject
    ProposalService proposals;

    @AfterEach
    void defaults() {
        modes.change(Mode.RULES, Policy.VETO);
        proposals.configure(true, 7);
    }

    @Test
    void everyOperationIsTaggedHasExamplesDocumentsItsErrorsAndItsExamplesWork() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        doc.path("tags").forEach(tag -> {
            assertFalse(tag.path("name").asText().endsWith("Resource"), tag.toString());
            assertFalse(tag.path("description").asText().isBlank(), tag + " has no description");
        });
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                operations++;
                if (operation.path("tags").isEmpty()) {
                    problems.add(name + ": no tag");
                }
                operation.path("responses").properties().forEach(response -> {
                    if (response.getKey().matches("[45]\\d\\d") && !ERROR_SCHEMAS.contains(response.getValue()
                            .path("content").path("application/json").path("schema").path("$ref").asText())) {
                        problems.add(name + ": " + response.getKey() + " without the error schema");
                    }
                });
                RequestSpecification request = given();
                if (operation.has("requestBody")) {
                    JsonNode examples = operation.path("requestBody").path("content").path("application/json").path("examples");
                    if (examples.isEmpty()) {
                        problems.add(name + ": request body without example");
                        continue;
                    }
                    JsonNode example = examples.elements().next().path("value");
                    request.contentType("application/json").body(example.isTextual() ? example.asText() : example.toString());
                }
                if (!NOT_TRIED.contains(name)) {
                    int status = request.request(entry.getKey(), path.getKey()).statusCode();
                    if (status >= 300) {
                        problems.add(name + ": the generated example answered " + status);
                    }
                }
            }
        }
        assertTrue(operations >= 14, "operations: " + operations);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
