package io.signaldesk.decision.adapter.analyzer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The analyzer's accepted lesson set: read and written at once (no model call), hence a short timeout of its own, apart
 * from the drafts' long one; used only through {@link LessonsClient}.
 */
@RegisterRestClient(configKey = "ai-analyzer-lesson-set")
interface LessonSetRestClient {

    @PUT
    @Path("/api/ai/lessons")
    JsonNode put(@HeaderParam("X-Engine-Key") String engineKey, @HeaderParam("X-Api-Key") String apiKey,
            LessonsClient.AcceptedLessons lessons);

    @GET
    @Path("/api/ai/lessons")
    JsonNode get();
}
