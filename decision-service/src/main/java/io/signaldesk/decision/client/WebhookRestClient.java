package io.signaldesk.decision.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** The notification webhook: one JSON POST to the configured URL; a non-2xx answer throws. */
interface WebhookRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    void post(JsonNode body);
}
