package io.signaldesk.analyzer.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.analyzer.domain.ShadowReport;
import io.signaldesk.analyzer.service.ShadowService;

/** The shadow model beside the model in use: its state and both models' figures (the decision service's arena reads it). */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shadow model")
@Path("/api/ai/shadow")
public class ShadowReportResource {

    private final ShadowService shadow;

    public ShadowReportResource(ShadowService shadow) {
        this.shadow = shadow;
    }

    @GET
    @Operation(summary = "The shadow's state (OFF, ON, REFUSED with the reason, UNCHECKED) and both models' figures on the desk's entry and exit questions: asked, answered, invalid, skipped by why, valid-output rate, time to a decision p50/p95, tokens, RAM from /api/ps")
    public ShadowReport report() {
        return shadow.report();
    }
}
