package io.signaldesk.decision.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.decision.adapter.analyzer.ShadowQuestions;
import io.signaldesk.decision.engine.EdgeService;

/**
 * The model in use and the shadow model side by side. Served here because their answers are scored in this service's
 * ledger (same horizon, same price at the horizon, same costs as the edge gate's); the analyzer adds what it measured.
 */
@Path("/api/ai/arena")
@Tag(name = "Decisions and signals")
public class ArenaResource {

    static final String MARKET = "The market whose scored answers are read (market, and markets: how many each has); "
            + "absent: the market the desk trades now";

    private final EdgeService edge;
    private final ShadowQuestions shadow;

    ArenaResource(EdgeService edge, ShadowQuestions shadow) {
        this.edge = edge;
        this.shadow = shadow;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Both models side by side: scored answers, right with a Wilson 95 % interval, net expectancy after "
            + "costs with its interval, and the analyzer's valid output, time to a decision, tokens, RAM and the shadow's coverage")
    public Map<String, Object> arena(@Parameter(description = MARKET, schema = @Schema(type = SchemaType.STRING,
            pattern = MarketParam.PATTERN, maxLength = 105)) @QueryParam("market") String market) {
        return ArenaReport.of(edge.arena(MarketParam.of(market)), shadow.report());
    }

    @GET
    @Path("/appendix-a")
    @Produces("text/markdown")
    @Operation(summary = "The product's Appendix A (model comparison) generated from the arena, as Markdown")
    public String appendixA(@Parameter(description = MARKET, schema = @Schema(type = SchemaType.STRING,
            pattern = MarketParam.PATTERN, maxLength = 105)) @QueryParam("market") String market) {
        return ArenaReport.markdown(edge.arena(MarketParam.of(market)), shadow.report());
    }
}
