package io.signaldesk.decision.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.core.market.Coin;

/** Operator actions on one open position. */
@Path("/api/portfolio/positions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Paper trading")
public class PositionResource {

    private final ProposalService proposals;
    private final ModeService modes;

    PositionResource(ProposalService proposals, ModeService modes) {
        this.proposals = proposals;
        this.modes = modes;
    }

    @POST
    @Path("/{coin}/write-off")
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Close a position the feed no longer prices (opened on another market) at its entry price",
            description = "Its own market's prices are gone (a replay, another venue, a ledger of an older version): it is "
                    + "closed at its entry price with no exit fee, realising only its entry fee. 409 while the feed's "
                    + "prices are of its market (use an exit then) or when no position is open.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "written off", value = """
            {"id":7,"proposalId":"9d1e...","kind":"EXIT","coin":"BTC","side":"LONG","qty":0.002105,"price":95047.6,
             "fee":0,"realizedPnl":-0.20007,"reason":"written off: the BTC position was opened on replay#77b0e2aa; the feed's BTC prices are of simulator",
             "at":"2026-11-27T06:00:00Z","feedMarket":"replay#77b0e2aa","feedSource":"replay","venue":"SIMULATOR"}""")))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class),
            examples = @ExampleObject(name = "coin", value = "{\"error\":\"coin " + Coin.MESSAGE + "\",\"field\":\"coin\"}")))
    @APIResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "own market",
            value = "{\"error\":\"the BTC position's market simulator is the feed's: close it with an exit, not a write-off\"}")))
    public Response writeOff(@PathParam("coin") String coin) {
        if (!Coin.valid(coin)) {
            return ApiError.badRequest("coin", "coin " + Coin.MESSAGE);
        }
        return Response.ok(proposals.writeOff(Coin.of(coin).symbol(), modes.current().mode())).build();
    }
}
