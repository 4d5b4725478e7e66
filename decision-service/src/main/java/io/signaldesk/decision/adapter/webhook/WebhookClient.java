package io.signaldesk.decision.adapter.webhook;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.signaldesk.decision.config.DecisionConfig;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Posts notifications to decision.notify.webhook-url without blocking any thread (the non-blocking REST client;
 * retries wait on timers), retried with exponential backoff (0.5 s, 1 s, 2 s, 4 s; 5 attempts in all) on any
 * failure, a non-2xx answer included; a 2xx is a success whatever its body.
 */
@ApplicationScoped
public class WebhookClient {

    private final WebhookRestClient rest;

    WebhookClient(DecisionConfig config) {
        this.rest = config.notifications().webhookUrl().filter(u -> !u.isBlank())
                .map(url -> QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                        .connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS)
                        .build(WebhookRestClient.class))
                .orElse(null);
    }

    /** Any 2xx is a success whatever its body says; anything else fails the attempt (and is retried). */
    private static void accepted(Response response) {
        int status = response.getStatus();
        response.close();
        if (status < 200 || status > 299) {
            throw new WebApplicationException("webhook answered " + status, status);
        }
    }

    /** Whether a webhook URL is configured. */
    public boolean enabled() {
        return rest != null;
    }

    /** Completes when the webhook accepted {@code body}; fails after the last attempt failed. */
    @AsynchronousNonBlocking
    @Retry(maxRetries = 4, delay = 500, jitter = 0, maxDuration = 60_000)
    @ExponentialBackoff(factor = 2, maxDelay = 8_000)
    public CompletionStage<Void> deliver(JsonNode body) {
        if (rest == null) {
            return CompletableFuture.completedFuture(null);
        }
        return rest.post(body).thenAccept(WebhookClient::accepted);
    }
}
