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
import io.signaldesk.decision.adapter.analyzer.AnalyzerStatusService;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.common.json.KnownFieldsOnly;

@Path("/api/decision/mode")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decision mode")
public class ModeResource {

    /** Body of PUT: mode required, policy optional (kept when absent). */
    @KnownFieldsOnly
    public record ModeRequest(
            @Schema(implementation = Mode.class, required = true, description = "Any case") String mode,
            @Schema(implementation = Policy.class, description = "Any case; absent keeps the current policy") String policy) {
    }

    /**
     * The desk's mode and policy, and {@code analyzer}: null, or the line saying the analyzer's own switch is forced
     * to rules (then AI and HYBRID decide on the rules until it is undone: DELETE /api/analyzer/override).
     */
    public record ModeView(Mode mode, Policy policy, String analyzer) {
    }

    private static final String EXAMPLE = "{\"mode\":\"HYBRID\",\"policy\":\"VETO\"}";
    private static final String ANSWER = "{\"mode\":\"HYBRID\",\"policy\":\"VETO\",\"analyzer\":null}";
    private static final String FORCED = "{\"mode\":\"AI\",\"policy\":\"VETO\",\"analyzer\":\"analyzer forced to rules by an "
            + "operator since 2026-12-07 12:30:05 UTC: every answer is its rules (MODE_RULES), so AI and HYBRID decide on the "
            + "rules, labelled RULES_FALLBACK, until it is set back to AI\"}";

    private final ModeService modes;
    private final AnalyzerStatusService analyzer;

    ModeResource(ModeService modes, AnalyzerStatusService analyzer) {
        this.modes = modes;
        this.analyzer = analyzer;
    }

    @GET
    @Operation(summary = "The desk's mode (RULES, AI, HYBRID) and hybrid policy: the one mode a trader sets",
            description = "analyzer: null, or why the model is not asked although the mode says so (the analyzer's own "
                    + "switch forced to rules by an operator; undo: DELETE /api/analyzer/override)")
    @APIResponse(responseCode = "200", content = @Content(examples = {
            @ExampleObject(name = "hybrid", value = ANSWER), @ExampleObject(name = "analyzer forced to rules", value = FORCED) }))
    public ModeView get() {
        return view(modes.current());
    }

    @PUT
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Switch the desk's mode (RULES, AI, HYBRID) and policy (ADVISORY, VETO, AGREE) at run time",
            description = "The one mode a trader sets (the dashboard's Mode buttons). The analyzer's PUT /api/ai/mode is an "
                    + "operator setting; when it is forced to rules the answer's analyzer line says so.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hybrid veto", value = EXAMPLE)))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "hybrid", value = ANSWER)))
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
        return Response.ok(view(modes.change(mode, policy))).build();
    }

    private ModeView view(ModeSetting setting) {
        return new ModeView(setting.mode(), setting.policy(),
                analyzer.override().map(AnalyzerStatusService.AnalyzerOverride::line).orElse(null));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
