package io.signaldesk.feed.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.signaldesk.common.test.OpenApiDocumentCheck;

/** The feed's OpenAPI document as Swagger UI reads it; "Try it out" with the parameter examples answers 2xx. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentCheck {

    @Override
    protected int minimumOperations() {
        return 5;
    }

    /**
     * The market endpoints' parameters show the bounds they are checked against: a value just past one (or not an
     * integer, or not a ticker) is a 400 naming the parameter, the value at it answers 200.
     */
    @Test
    void marketParametersShowTheBoundsTheyAreCheckedAgainst() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        int sent = 0;
        for (String path : List.of("/api/market/snapshot/{coin}", "/api/market/book/{coin}", "/api/market/trades/{coin}")) {
            JsonNode parameters = doc.path("paths").path(path).path("get").path("parameters");
            for (JsonNode parameter : parameters) {
                String name = parameter.path("name").asText();
                JsonNode schema = parameter.path("schema");
                List<String> past = new ArrayList<>();
                List<String> at = new ArrayList<>();
                if (schema.has("pattern")) {
                    past.add("B-T-C");
                    past.add("A".repeat(21));
                    at.add(parameter.path("example").asText());
                }
                if (schema.has("maximum")) {
                    assertEquals("integer", schema.path("type").asText(), name + ": " + schema);
                    past.add(String.valueOf(schema.path("maximum").asInt() + 1));
                    past.add(String.valueOf(schema.path("minimum").asInt() - 1));
                    past.add("2.5");
                    at.add(schema.path("maximum").asText());
                    at.add(schema.path("minimum").asText());
                }
                assertTrue(!past.isEmpty(), path + " " + name + " shows no bounds: " + parameter);
                for (String value : past) {
                    Response answer = request(path, parameters, name, value);
                    assertEquals(400, answer.statusCode(), name + "=" + value + ": " + answer.asString());
                    assertEquals(name, answer.jsonPath().getString("field"), answer.asString());
                    sent++;
                }
                for (String value : at) {
                    Response answer = request(path, parameters, name, value);
                    assertEquals(200, answer.statusCode(), name + "=" + value + ": " + answer.asString());
                    sent++;
                }
            }
        }
        assertTrue(sent >= 3 * 3 + 2 * 5, "values sent: " + sent);
    }

    /** The path with every parameter at its example, {@code name} at {@code value}. */
    private static Response request(String path, JsonNode parameters, String name, String value) {
        var request = given().urlEncodingEnabled(true);
        for (JsonNode parameter : parameters) {
            String given = parameter.path("name").asText().equals(name) ? value : parameter.path("example").asText();
            if (parameter.path("in").asText().equals("path")) {
                request.pathParam(parameter.path("name").asText(), given);
            } else {
                request.queryParam(parameter.path("name").asText(), given);
            }
        }
        return request.get(path);
    }
}
