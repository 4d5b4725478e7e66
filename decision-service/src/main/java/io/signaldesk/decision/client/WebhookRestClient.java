package io.signaldesk.decision.client;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** The notification webhook: one JSON POST to the configured URL, non-blocking; a non-2xx answer fails the stage. */
interface WebhookRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Void> post(JsonNode body);
}
