package io.signaldesk.analyzer.rest;

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

import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.service.EntryTask;
import io.signaldesk.analyzer.service.ShadowService;
import io.signaldesk.common.error.ApiError;

/**
 * A probe: the model in use asked an entry question on Ollama's idle time, in the shadow model's lane (started only when
 * nothing else waits, put back whenever a question comes, skipped and counted after analyzer.shadow.max-wait), about a
 * setup the desk's edge gate no longer asks it about live; the desk scores the answer like a live one, never acts on it.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shadow model", description = "A second model answering the desk's questions on idle time, scored beside the model in use")
@OutsideLimited
@Path("/api/analysis/probe")
public class ProbeResource {

    private final ShadowService shadow;
    private final Callers callers;

    public ProbeResource(ShadowService shadow, Callers callers) {
        this.shadow = shadow;
        this.callers = callers;
    }

    @POST
    @Path("/entry")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "long", value = Examples.SHADOW_ENTRY_REQUEST)))
    @Operation(summary = "The model in use's answer on idle time to an entry question the edge gate did not ask live (market required); the desk's only")
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CompletionStage<Response> entry(@Valid @NotNull EntryRequest request, @Context HttpHeaders headers) {
        if (!callers.isDesk(headers.getHeaderString(Callers.ENGINE_HEADER))) {
            return ShadowResource.forbidden();
        }
        MarketSnapshotDto market = ShadowResource.market(request.market());
        EntryTask task = new EntryTask(ShadowResource.coin(market, request.coin()), request.side(), request.price(),
                request.record());
        return shadow.probe(task).thenApply(answer -> Response.ok(answer).build());
    }
}
