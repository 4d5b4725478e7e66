package io.signaldesk.feed.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document as Swagger UI reads it: readable described tags, error responses in the error schema,
 * and "Try it out" with the generated parameter examples answering 2xx.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String ERROR_SCHEMA = "#/components/schemas/ApiError";

    @Test
    void everyOperationIsTaggedDocumentsItsErrorsAndItsExamplesWork() throws Exception {
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
                    if (response.getKey().matches("[45]\\d\\d") && !ERROR_SCHEMA.equals(response.getValue()
                            .path("content").path("application/json").path("schema").path("$ref").asText())) {
                        problems.add(name + ": " + response.getKey() + " without the error schema");
                    }
                });
                String url = path.getKey();
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asText().equals("path")) {
                        url = url.replace("{" + parameter.path("name").asText() + "}", parameter.path("example").asText());
                    } else if (parameter.has("example")) {
                        url += (url.contains("?") ? "&" : "?") + parameter.path("name").asText() + "="
                                + parameter.path("example").asText();
                    }
                }
                int status = given().request(entry.getKey(), url).statusCode();
                if (status >= 300) {
                    problems.add(name + ": the generated example " + url + " answered " + status);
                }
            }
        }
        assertEquals(5, operations);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
