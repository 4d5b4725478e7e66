package io.signaldesk.common.test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.specification.RequestSpecification;

/**
 * The OpenAPI document as Swagger UI reads it: readable described tags, an example for every request body, error
 * responses in the error schema, and "Try it out" with the generated examples (parameters and bodies) answering
 * 2xx. A service's {@code @QuarkusTest OpenApiDocumentTest} extends this.
 */
public abstract class OpenApiDocumentCheck {

    /** The one error shape; a service may add a variant (decision-service's RiskRefusalError). */
    protected Set<String> errorSchemas() {
        return Set.of("#/components/schemas/ApiError");
    }

    /** Operations whose examples this test cannot send ("POST /api/proposals/{id}/confirm"), each with its reason where listed. */
    protected Set<String> notTried() {
        return Set.of();
    }

    /** At least this many operations are documented. */
    protected abstract int minimumOperations();

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
                    if (response.getKey().matches("[45]\\d\\d") && !errorSchemas().contains(response.getValue()
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
                String url = withParameterExamples(path.getKey(), operation);
                if (!notTried().contains(name)) {
                    int status = request.request(entry.getKey(), url).statusCode();
                    if (status >= 300) {
                        problems.add(name + ": the generated example " + url + " answered " + status);
                    }
                }
            }
        }
        assertTrue(operations >= minimumOperations(), "operations: " + operations);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The path with its path parameters' examples filled in and the query parameters' examples appended. */
    private static String withParameterExamples(String url, JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path") && parameter.has("example")) {
                url = url.replace("{" + parameter.path("name").asText() + "}", parameter.path("example").asText());
            } else if (parameter.path("in").asText().equals("query") && parameter.has("example")) {
                url += (url.contains("?") ? "&" : "?") + parameter.path("name").asText() + "="
                        + parameter.path("example").asText();
            }
        }
        return url;
    }
}
