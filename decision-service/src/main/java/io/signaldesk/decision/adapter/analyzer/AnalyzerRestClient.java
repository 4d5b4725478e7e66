package io.signaldesk.decision.adapter.analyzer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.AiStatus;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.Envelope;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitRequest;
import io.smallrye.mutiny.Multi;

/** ai-analyzer-service's HTTP API; used only through {@link AnalyzerClient}. */
@RegisterRestClient(configKey = "ai-analyzer")
interface AnalyzerRestClient {

    /**
     * The entry analysis as Server-Sent Events: signal (decision fields), reason pieces, done (envelope).
     * {@code engineKey} (SIGNAL_ENGINE_KEY, else SIGNAL_API_KEY; null sends none) puts it in the analyzer's desk lane.
     */
    @POST
    @Path("/api/analysis/entry")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> entry(@HeaderParam("X-Engine-Key") String engineKey, EntryRequest request);

    /** The exit analysis as Server-Sent Events, like {@link #entry}. */
    @POST
    @Path("/api/analysis/exit")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> exit(@HeaderParam("X-Engine-Key") String engineKey, ExitRequest request);

    @GET
    @Path("/api/analysis/latest")
    Envelope latest();

    @GET
    @Path("/api/ai/status")
    AiStatus status();

    /** Models pulled in the analyzer's Ollama, each with its predicted time to a decision on this machine. */
    @GET
    @Path("/api/ai/models")
    JsonNode models();

    /** The analyzer's operator setting AI or RULES; the key as for {@link #switchModel}. */
    @PUT
    @Path("/api/ai/mode")
    JsonNode setMode(@HeaderParam("X-Api-Key") String apiKey, JsonNode body);

    /** Switches the analyzer's model; the key is the one every Signal Desk service shares (SIGNAL_API_KEY). */
    @PUT
    @Path("/api/ai/model")
    JsonNode switchModel(@HeaderParam("X-Api-Key") String apiKey, JsonNode body);
}
