package io.signaldesk.decision.adapter.analyzer;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitRequest;

/**
 * The analyzer's shadow model (and the probes, in its lane): its own client, because a shadow question waits for Ollama's idle time (up to the
 * analyzer's analyzer.shadow.max-wait), far longer than an analysis may; used only through {@link ShadowQuestions}.
 */
@RegisterRestClient(configKey = "ai-analyzer-shadow")
interface ShadowRestClient {

    @POST
    @Path("/api/analysis/shadow/entry")
    CompletionStage<JsonNode> entry(@HeaderParam("X-Engine-Key") String engineKey, EntryRequest request);

    @POST
    @Path("/api/analysis/shadow/exit")
    CompletionStage<JsonNode> exit(@HeaderParam("X-Engine-Key") String engineKey, ExitRequest request);

    /** A probe: the model in use asked on idle time about a setup the edge gate stopped asking about live. */
    @POST
    @Path("/api/analysis/probe/entry")
    CompletionStage<JsonNode> probe(@HeaderParam("X-Engine-Key") String engineKey, EntryRequest request);

    /** The shadow's state and both models' figures on the desk's questions. */
    @GET
    @Path("/api/ai/shadow")
    JsonNode report();
}
