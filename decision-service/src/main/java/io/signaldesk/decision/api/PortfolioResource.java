package io.signaldesk.decision.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.decision.engine.PaperTradingService;
import io.signaldesk.decision.engine.PaperTradingService.Portfolio;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Paper trading")
public class PortfolioResource {

    private final PaperTradingService trading;

    PortfolioResource(PaperTradingService trading) {
        this.trading = trading;
    }

    @GET
    @Path("/portfolio")
    @Operation(summary = "Equity, realised and unrealised P&L, open positions marked to the live price, equity curve",
            description = "An open position's unrealisedPnl is what closing it now would realise: the exit fill at "
                    + "exitPrice (the mark moved against it by the slippage) paying exitFee, the entry fee already paid. "
                    + "Equity counts it so.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "one position", value = """
            {"initialEquity":10000,"equity":10001.21,"realizedPnl":0,"unrealizedPnl":1.21,
             "positions":[{"position":{"coin":"BTC","side":"LONG","qty":0.002105,"entryPrice":95047.6,"entryFee":0.2,
               "stopLoss":93621.89,"takeProfit":97899.03,"openedAt":"2026-11-25T12:00:10Z","proposalId":"5b0c..."},
               "markPrice":95860.0,"exitPrice":95812.07,"exitFee":0.20168441,"unrealizedPnl":1.21}],
             "equityCurve":[{"at":"2026-11-25T12:00:10Z","equity":9999.8}],"at":"2026-11-25T12:00:20Z"}""")))
    public Portfolio portfolio() {
        return trading.refresh();
    }

    @GET
    @Path("/trades")
    @Operation(summary = "Fills, newest first")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "fills", value = """
            [{"id":1,"proposalId":"5b0c...","kind":"ENTRY","coin":"BTC","side":"LONG","qty":0.002105,"price":95047.6,
              "fee":0.20007,"realizedPnl":0,"reason":"confirmed","at":"2026-11-25T12:00:10Z"}]""")))
    public Response trades(@Parameter(description = "How many, newest first", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "" + PageLimit.MIN, maximum = "" + PageLimit.MAX, defaultValue = "100"))
            @QueryParam("limit") String limitParam) {
        int limit = PageLimit.of(limitParam, 100);
        return Response.ok(trading.trades(limit)).build();
    }
}
