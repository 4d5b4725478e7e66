package io.signaldesk.feed.rest;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.core.market.Coin;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.feed.api.BookView;
import io.signaldesk.feed.api.TradesView;
import io.signaldesk.feed.domain.MarketSnapshot;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.service.SourceManager;

/** Snapshots, order books and trade tapes of the followed coins. */
@Path("/api/market")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market data", description = "Live market state per coin: features, order book, trade tape, and the source feeding them")
public class MarketResource {

    private static final String NOT_FOLLOWED = "{\"error\":\"coin DOGE is not followed (followed: BTC, ETH, SOL)\",\"field\":\"coin\"}";
    static final BoundedParam DEPTH = new BoundedParam("depth", 1, 500, 20);
    static final BoundedParam LIMIT = new BoundedParam("limit", 1, 500, 50);

    private final MarketStateService state;
    private final SourceManager sources;

    public MarketResource(MarketStateService state, SourceManager sources) {
        this.state = state;
        this.sources = sources;
    }

    @GET
    @Path("/snapshot")
    @Operation(summary = "Features of every followed coin")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MarketSnapshot.class),
            examples = @ExampleObject(name = "simulator", value = OpenApiExamples.SNAPSHOT)))
    public MarketSnapshot snapshot() {
        return new MarketSnapshot(sources.sourceName(), Instant.now(), state.snapshot(), sources.identity());
    }

    @GET
    @Path("/snapshot/{coin}")
    @Operation(summary = "Features of one coin (case-insensitive)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CoinSnapshot.class),
            examples = @ExampleObject(name = "BTC", value = OpenApiExamples.COIN)))
    @APIResponse(responseCode = "404", description = "Coin not followed", content = @Content(
            schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "unknown",
                    value = NOT_FOLLOWED)))
    public Response coin(@Parameter(example = "BTC") @PathParam("coin") String coin) {
        if (!Coin.valid(coin)) {
            return badCoin();
        }
        return state.snapshot(coin).map(Response::ok).orElseGet(() -> notFollowed(coin)).build();
    }

    @GET
    @Path("/book/{coin}")
    @Operation(summary = "Top of the L2 order book, best prices first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BookView.class),
            examples = @ExampleObject(name = "BTC", value = OpenApiExamples.BOOK)))
    @APIResponse(responseCode = "400", description = "depth outside 1..500", content = @Content(
            schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "depth",
                    value = "{\"error\":\"depth must be an integer between 1 and 500, got '0'\",\"field\":\"depth\"}")))
    @APIResponse(responseCode = "404", description = "Coin not followed", content = @Content(
            schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "unknown", value = NOT_FOLLOWED)))
    public Response book(@Parameter(example = "BTC") @PathParam("coin") String coin,
            @Parameter(description = "Levels per side, 1-500", example = "20") @QueryParam("depth") String depth) {
        return bounded(DEPTH, depth, coin, n -> state.book(coin, n));
    }

    @GET
    @Path("/trades/{coin}")
    @Operation(summary = "Latest trades, newest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TradesView.class),
            examples = @ExampleObject(name = "BTC", value = OpenApiExamples.TRADES)))
    @APIResponse(responseCode = "400", description = "limit outside 1..500", content = @Content(
            schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "limit",
                    value = "{\"error\":\"limit must be an integer between 1 and 500, got '900'\",\"field\":\"limit\"}")))
    @APIResponse(responseCode = "404", description = "Coin not followed", content = @Content(
            schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "unknown", value = NOT_FOLLOWED)))
    public Response trades(@Parameter(example = "BTC") @PathParam("coin") String coin,
            @Parameter(description = "Trades to return, 1-500", example = "50") @QueryParam("limit") String limit) {
        return bounded(LIMIT, limit, coin, n -> state.trades(coin, n));
    }

    /** 400 naming the parameter when it is out of range, else the coin's view or 404. */
    private Response bounded(BoundedParam param, String raw, String coin, IntFunction<Optional<?>> view) {
        if (!Coin.valid(coin)) {
            return badCoin();
        }
        BoundedParam.Result parsed = param.parse(raw);
        if (parsed.error().isPresent()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(parsed.error().get()).build();
        }
        return view.apply(parsed.value()).<Response.ResponseBuilder>map(Response::ok)
                .orElseGet(() -> notFollowed(coin)).build();
    }

    private static Response badCoin() {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new ApiError("coin " + Coin.MESSAGE, "coin")).build();
    }

    private Response.ResponseBuilder notFollowed(String coin) {
        String name = coin == null ? "" : coin.toUpperCase(Locale.ROOT);
        return Response.status(Response.Status.NOT_FOUND).entity(new ApiError(
                "coin " + name + " is not followed (followed: " + String.join(", ", state.coins()) + ")", "coin"));
    }
}
