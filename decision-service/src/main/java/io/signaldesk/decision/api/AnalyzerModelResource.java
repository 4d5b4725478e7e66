package io.signaldesk.decision.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.decision.adapter.analyzer.AnalyzerClient;
import io.signaldesk.decision.adapter.analyzer.AnalyzerStatusService;
import io.signaldesk.common.config.SignalConfig;
import io.signaldesk.common.json.KnownFieldsOnly;

/**
 * The analyzer's operator settings from the dashboard: the models its Ollama has (with the predicted time to a
 * decision on this machine and a warning when that misses the deadline) and the switch, passed through; and the undo of
 * its AI/RULES switch when an operator forced it to rules (the trader's mode is {@code /api/decision/mode}).
 */
@Path("/api/analyzer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Analyzer model")
public class AnalyzerModelResource {

    /** Body of PUT /api/analyzer/model. */
    @KnownFieldsOnly
    public record ModelChoice(String model) {
    }

    private static final int MAX_MODEL_NAME = 100;

    private final AnalyzerClient analyzer;
    private final AnalyzerStatusService analyzerStatus;
    private final SignalConfig keys;

    AnalyzerModelResource(AnalyzerClient analyzer, AnalyzerStatusService status, SignalConfig keys) {
        this.analyzer = analyzer;
        this.analyzerStatus = status;
        this.keys = keys;
    }

    @DELETE
    @Path("/override")
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Undo an operator's switch of the analyzer to rules: its answers come from the model again (AI)",
            description = "The analyzer's own PUT /api/ai/mode is an operator setting; RULES there makes every answer its "
                    + "rules (MODE_RULES), whatever this desk's mode. GET /api/status says so in analyzer.override. This sets "
                    + "the analyzer back to AI (its default) and answers what it now runs. The trader's mode is "
                    + "PUT /api/decision/mode.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "back to AI",
            value = "{\"mode\":\"AI\",\"since\":\"2026-12-07T12:41:00Z\",\"setBy\":\"operator\"}")))
    @APIResponse(responseCode = "503", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "analyzer down",
            value = "{\"error\":\"the analyzer cannot be reached\"}")))
    public Response undoOverride() {
        Response answer = pass(() -> analyzer.setMode(keys.apiKey().orElse(null), "AI"));
        analyzerStatus.poll(); // the dashboard's next state already shows the analyzer back on AI
        return answer;
    }

    @GET
    @Path("/models")
    @Operation(summary = "Models in the analyzer's Ollama, with the predicted time to a decision on this machine")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "models", value = """
            {"active":"llama3.2:3b","models":[{"name":"llama3.2:3b","size":2019393189,"parameterSize":"3.2B",\
            "quantization":"Q4_K_M","family":"llama","active":true,"predictedSignalMs":760,"warning":null}]}""")))
    @APIResponse(responseCode = "503", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "analyzer down",
            value = "{\"error\":\"the analyzer cannot be reached\"}")))
    public Response models() {
        return pass(() -> analyzer.models());
    }

    @PUT
    @Path("/model")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Switches the analyzer to a model its Ollama has (and warms it up)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "llama3.2:1b", value = "{\"model\":\"llama3.2:3b\"}")))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "switched",
            value = "{\"model\":\"llama3.2:3b\"}")))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "blank",
            value = "{\"error\":\"model is required, at most 100 characters\",\"field\":\"model\"}")))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "not pulled",
            value = "{\"error\":\"Ollama has no model phi3:mini; pull it first (ollama pull phi3:mini)\",\"field\":\"model\"}")))
    @APIResponse(responseCode = "503", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "analyzer down",
            value = "{\"error\":\"the analyzer cannot be reached\"}")))
    public Response switchModel(ModelChoice choice) {
        if (choice == null || choice.model() == null || choice.model().isBlank() || choice.model().length() > MAX_MODEL_NAME) {
            return ApiError.badRequest("model", "model is required, at most " + MAX_MODEL_NAME + " characters");
        }
        return pass(() -> analyzer.switchModel(keys.apiKey().orElse(null), choice.model().strip()));
    }

    /** The analyzer's answer as it gave it (its own 4xx included); 503 when it cannot be reached. */
    private static Response pass(java.util.function.Supplier<JsonNode> call) {
        try {
            return Response.ok(call.get()).build();
        } catch (WebApplicationException e) {
            Response upstream = e.getResponse();
            if (upstream == null || upstream.getStatus() >= 500) {
                return ApiError.response(Response.Status.SERVICE_UNAVAILABLE,
                        new ApiError("the analyzer cannot reach its Ollama", null));
            }
            String body = upstream.hasEntity() ? upstream.readEntity(String.class) : null;
            return Response.status(upstream.getStatus()).type(MediaType.APPLICATION_JSON)
                    .entity(body != null ? body : new ApiError("the analyzer refused the request", null)).build();
        } catch (RuntimeException e) {
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, new ApiError("the analyzer cannot be reached", null));
        }
    }
}
