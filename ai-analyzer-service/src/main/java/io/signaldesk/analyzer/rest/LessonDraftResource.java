package io.signaldesk.analyzer.rest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.analyzer.domain.LessonDraftRequest;
import io.signaldesk.analyzer.service.LessonDraftService;
import io.signaldesk.common.error.ApiError;

/**
 * Lesson drafts (issue 20): the decision service asks for one-line lessons from a digest of the model's scored record,
 * answered on Ollama's idle time only; the desk's only. The accepted ones: {@link LessonsResource}.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lessons", description = "One-line lessons drafted from the model's scored record; the accepted ones in its system message")
@OutsideLimited
@Path("/api/analysis/lessons")
public class LessonDraftResource {

    static final String DRAFT_REQUEST = """
            {"setups":[{"id":"S1","kind":"ENTRY","coin":"SOL","side":"SHORT","calls":14,"right":5,"acted":9,"actedNetPct":-0.31,"netPct":-0.22},
            {"id":"S2","kind":"ENTRY","coin":"BTC","side":"LONG","calls":12,"right":7,"acted":4,"actedNetPct":0.12,"netPct":-0.05}],"max":3}""";

    private final LessonDraftService drafts;
    private final Callers callers;

    public LessonDraftResource(LessonDraftService drafts, Callers callers) {
        this.drafts = drafts;
        this.callers = callers;
    }

    @POST
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two setups", value = DRAFT_REQUEST)))
    @Operation(summary = "The model's one-line lessons from a digest of its scored record, on Ollama's idle time only "
            + "(put back whenever a question comes; SKIPPED after analyzer.lessons.max-wait); the desk's only")
    @APIResponse(responseCode = "200", description = "DRAFTED (checked lessons, maybe none), INVALID, SKIPPED or OFF")
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CompletionStage<Response> draft(@Valid @NotNull LessonDraftRequest request, @Context HttpHeaders headers) {
        if (!callers.isDesk(headers.getHeaderString(Callers.ENGINE_HEADER))) {
            return CompletableFuture.completedFuture(LessonsResource.forbidden());
        }
        return drafts.draft(request).thenApply(answer -> Response.ok(answer).build());
    }
}
