package io.signaldesk.decision.api;

import java.util.Arrays;

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
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

@Path("/api/decision/mode")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decision mode")
public class ModeResource {

    /** Body of PUT: mode required, policy optional (kept when absent). */
    public record ModeRequest(String mode, String policy) {
    }

    private static final String EXAMPLE = "{\"mode\":\"HYBRID\",\"policy\":\"VETO\"}";

    private final ModeService modes;

    ModeResource(ModeService modes) {
        this.modes = modes;
    }

    @GET
    @Operation(summary = "Current decision mode and hybrid policy")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "hybrid", value = EXAMPLE)))
    public ModeSetting get() {
        return modes.current();
    }

    @PUT
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Switch mode (RULES, AI, HYBRID) and policy (ADVISORY, VETO, AGREE) at run time")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hybrid veto", value = EXAMPLE)))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "hybrid", value = EXAMPLE)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "unknown mode",
            value = "{\"error\":\"mode must be one of [RULES, AI, HYBRID]\",\"field\":\"mode\"}")))
    public Response put(ModeRequest request) {
        if (request == null || request.mode() == null) {
            return ApiError.badRequest("mode", "mode is required");
        }
        Mode mode = parse(Mode.class, request.mode());
        if (mode == null) {
            return ApiError.badRequest("mode", "mode must be one of " + Arrays.toString(Mode.values()));
        }
        Policy policy = null;
        if (request.policy() != null) {
            policy = parse(Policy.class, request.policy());
            if (policy == null) {
                return ApiError.badRequest("policy", "policy must be one of " + Arrays.toString(Policy.values()));
            }
        }
        return Response.ok(modes.change(mode, policy)).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
