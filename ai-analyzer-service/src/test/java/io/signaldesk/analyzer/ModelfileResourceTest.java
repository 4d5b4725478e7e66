package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.ai.Prompts;

/** GET /api/ai/modelfile: a Modelfile for a LoRA adapter trained on the decision service's dataset. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class ModelfileResourceTest {

    @Test
    void writesFromAdapterTheSystemPromptAndTheOptionsEveryQuestionIsSentWith() {
        String modelfile = given().queryParam("adapter", "./adapters/signal-desk").get("/api/ai/modelfile")
                .then().statusCode(200).extract().asString();

        assertEquals("# Signal Desk: llama3.2:3b with a LoRA adapter trained on GET /api/ai/dataset\n"
                + "FROM llama3.2:3b\n"
                + "ADAPTER ./adapters/signal-desk\n"
                + "SYSTEM \"\"\"" + Prompts.SYSTEM + "\"\"\"\n"
                + "PARAMETER temperature 0.2\n"
                + "PARAMETER seed 42\n"
                + "PARAMETER num_ctx 2048\n"
                + "PARAMETER num_predict " + AnswerSchema.NUM_PREDICT + "\n", modelfile);
    }

    @ParameterizedTest(name = "{0}={1} -> 400")
    @CsvSource(delimiter = '|', value = { "adapter|./my adapter", "adapter|x\"\"\"SYSTEM", "base|llama3.2:3b\"", "base|a b" })
    void answers400NamingTheParameter(String field, String value) {
        given().queryParam(field, value).get("/api/ai/modelfile").then().statusCode(400).body("field", equalTo(field));
    }
}
