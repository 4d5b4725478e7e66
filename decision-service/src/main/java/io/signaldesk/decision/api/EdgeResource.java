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

import io.signaldesk.decision.engine.EdgeService;

/** The edge gate's track record of one market: the desk's market now (as in GET /api/status → edge) or any other. */
@Path("/api/edge")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions and signals")
public class EdgeResource {

    private final EdgeService edge;

    EdgeResource(EdgeService edge) {
        this.edge = edge;
    }

    @GET
    @Operation(summary = "The edge gate's settings and one market's record: per setup, measured after costs or waiting",
            description = "market: the market whose scored calls are read (the gate of the desk reads its own market's "
                    + "only); markets: every market with scored calls and how many. 'market not recorded': calls from "
                    + "before markets were kept, read by no gate")
    public Map<String, Object> edge(@Parameter(description = "The market; absent: the market the desk trades now",
            schema = @Schema(type = SchemaType.STRING, pattern = MarketParam.PATTERN, maxLength = 105))
            @QueryParam("market") String market) {
        String on = MarketParam.of(market);
        return on == null ? edge.status() : edge.status(on);
    }
}
