package io.signaldesk.decision.adapter.webhook;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The notification webhook: one JSON POST to the configured URL, non-blocking. The answer's body is never read (a
 * webhook may answer 200 with "ok" as text): only its status counts.
 */
interface WebhookRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.WILDCARD)
    CompletionStage<Response> post(JsonNode body);
}
