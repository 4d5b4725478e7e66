package io.signaldesk.decision.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

import io.signaldesk.common.error.ApiError;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.common.json.KnownFieldsOnly;

@Path("/api/decision/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decision mode")
public class SettingsResource {

    /**
     * Whether proposals wait for a person, and the confidence that executes on its own when they do not; the
     * annotations are the checks and what the OpenAPI document shows.
     */
    @KnownFieldsOnly
    public record Settings(
            @NotNull(message = "is required") @Schema(description = "Whether every proposal waits for a person") Boolean requireConfirmation,
            @Min(value = 1, message = "must be 1-10") @Max(value = 10, message = "must be 1-10")
            @Schema(description = "With confirmation off, proposals at or above this confidence execute on their own; absent keeps the current value") Integer autoMinConfidence) {
    }

    private static final String EXAMPLE = "{\"requireConfirmation\":true,\"autoMinConfidence\":7}";

    private final ProposalService proposals;

    SettingsResource(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GET
    @Operation(summary = "Confirmation setting")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "default", value = EXAMPLE)))
    public Settings get() {
        return new Settings(proposals.requireConfirmation(), proposals.autoMinConfidence());
    }

    @PUT
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Switch human confirmation on or off at run time (kept across restarts)")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "keep confirming (the safe setting)", value = "{\"requireConfirmation\":true,\"autoMinConfidence\":8}"),
            @ExampleObject(name = "auto above 8 (turns human confirmation off)", value = "{\"requireConfirmation\":false,\"autoMinConfidence\":8}") }))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "default", value = EXAMPLE)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "out of range",
            value = "{\"error\":\"autoMinConfidence must be 1-10\",\"field\":\"autoMinConfidence\"}")))
    public Response put(@Valid Settings settings) {
        if (settings == null) {
            return ApiError.badRequest("requireConfirmation", "requireConfirmation is required");
        }
        int min = settings.autoMinConfidence() == null ? proposals.autoMinConfidence() : settings.autoMinConfidence();
        proposals.configure(settings.requireConfirmation(), min);
        return Response.ok(get()).build();
    }
}
