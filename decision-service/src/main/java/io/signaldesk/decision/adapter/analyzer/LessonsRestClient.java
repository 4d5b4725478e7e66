package io.signaldesk.decision.adapter.analyzer;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The analyzer's lesson drafts: a draft waits for Ollama's idle time (up to the analyzer's analyzer.lessons.max-wait),
 * far longer than an analysis may, hence its own client (the accepted set goes through {@link LessonSetRestClient});
 * used only through {@link LessonsClient}.
 */
@RegisterRestClient(configKey = "ai-analyzer-lessons")
interface LessonsRestClient {

    @POST
    @Path("/api/analysis/lessons")
    JsonNode draft(@HeaderParam("X-Engine-Key") String engineKey, LessonsClient.DraftRequest request);
}
