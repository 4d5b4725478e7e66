package io.signaldesk.decision.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.signaldesk.decision.client.AnalyzerDtos.AiStatus;
import io.signaldesk.decision.client.AnalyzerDtos.EntryRequest;
import io.signaldesk.decision.client.AnalyzerDtos.Envelope;
import io.signaldesk.decision.client.AnalyzerDtos.ExitRequest;
import io.signaldesk.decision.client.AnalyzerDtos.RiskRequest;

/** ai-analyzer-service's HTTP API; used only through {@link AnalyzerClient}. */
@RegisterRestClient(configKey = "ai-analyzer")
interface AnalyzerRestClient {

    @POST
    @Path("/api/analysis/entry")
    Envelope entry(EntryRequest request);

    @POST
    @Path("/api/analysis/exit")
    Envelope exit(ExitRequest request);

    @POST
    @Path("/api/analysis/risk")
    Envelope risk(RiskRequest request);

    @GET
    @Path("/api/analysis/latest")
    Envelope latest();

    @GET
    @Path("/api/ai/status")
    AiStatus status();
}
