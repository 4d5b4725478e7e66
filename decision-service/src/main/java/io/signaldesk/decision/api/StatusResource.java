package io.signaldesk.decision.api;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status")
public class StatusResource {

    private final DashboardService dashboard;

    StatusResource(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    @Operation(summary = "Feed and analyzer state as the engine sees them, current mode and confirmation setting")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "analyzer down", value = """
            {"feed":{"connected":true,"stale":false,"lastFrameAt":"2026-11-25T12:00:00Z","drops":1,"malformed":0,"replayQueued":0,"replayDropped":0},
             "analyzer":{"reachable":false,"failure":"ANALYZER_DOWN","status":null,"latest":null},
             "mode":{"mode":"HYBRID","policy":"VETO"},"requireConfirmation":true,"autoMinConfidence":7}""")))
    public Map<String, Object> status() {
        return dashboard.status();
    }
}
