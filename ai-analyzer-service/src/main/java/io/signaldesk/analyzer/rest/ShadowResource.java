package io.signaldesk.analyzer.rest;

import java.util.Locale;
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

import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.service.EntryTask;
import io.signaldesk.analyzer.service.ExitTask;
import io.signaldesk.analyzer.service.ShadowService;
import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.BadInputException;
import io.signaldesk.core.market.CoinSnapshot;
import io.smallrye.common.annotation.Blocking;

/**
 * The shadow model (analyzer.shadow.model): the desk asks it the entry and exit questions the model in use answered,
 * with the same body (the same snapshot, so the same question), and it answers on Ollama's idle time or is skipped.
 * The decision service scores its answers beside the primary's; {@link ShadowReportResource} shows both models' figures.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shadow model", description = "A second model answering the desk's questions on idle time, scored beside the model in use")
@OutsideLimited
@Path("/api/analysis/shadow")
@Blocking // the fit check may read Ollama's /api/ps; the wait for the answer holds no thread
public class ShadowResource {

    private final ShadowService shadow;
    private final Callers callers;

    public ShadowResource(ShadowService shadow, Callers callers) {
        this.shadow = shadow;
        this.callers = callers;
    }

    @POST
    @Path("/entry")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "long", value = Examples.SHADOW_ENTRY_REQUEST)))
    @Operation(summary = "The shadow's answer to an entry question the model in use answered (market required); the desk's only")
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CompletionStage<Response> entry(@Valid @NotNull EntryRequest request, @Context HttpHeaders headers) {
        if (!callers.isDesk(headers.getHeaderString(Callers.ENGINE_HEADER))) {
            return forbidden();
        }
        MarketSnapshotDto market = market(request.market());
        EntryTask task = new EntryTask(coin(market, request.coin()), request.side(), request.price(), request.record());
        return shadow.ask(task).thenApply(answer -> Response.ok(answer).build());
    }

    @POST
    @Path("/exit")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "long", value = Examples.SHADOW_EXIT_REQUEST)))
    @Operation(summary = "The shadow's answer to an exit question the model in use answered (market required); the desk's only")
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CompletionStage<Response> exit(@Valid @NotNull ExitRequest request, @Context HttpHeaders headers) {
        if (!callers.isDesk(headers.getHeaderString(Callers.ENGINE_HEADER))) {
            return forbidden();
        }
        MarketSnapshotDto market = market(request.market());
        CoinSnapshot coin = coin(market, request.coin());
        ExitTask task = new ExitTask(coin, request.side(), request.entryPrice(), request.currentPrice(), request.size(),
                request.openedAt(), market.marketTime(coin), request.record());
        return shadow.ask(task).thenApply(answer -> Response.ok(answer).build());
    }

    static CompletionStage<Response> forbidden() {
        return CompletableFuture.completedFuture(Response.status(Response.Status.FORBIDDEN)
                .entity(new ApiError("idle-time questions are the desk's: send its key in " + Callers.ENGINE_HEADER,
                        Callers.ENGINE_HEADER))
                .build());
    }

    /** The snapshot the model in use was asked on: a fresh one from the feed would make it another question. */
    static MarketSnapshotDto market(MarketSnapshotDto given) {
        if (given == null) {
            throw new BadInputException("market", "required: an idle-time question is asked on the snapshot the desk decided on");
        }
        return given;
    }

    static CoinSnapshot coin(MarketSnapshotDto market, String coin) {
        return market.coin(coin).orElseThrow(() -> new BadInputException("coin",
                "no market data for " + coin.toUpperCase(Locale.ROOT) + " in the snapshot"));
    }
}
