package io.signaldesk.analyzer.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;
import io.signaldesk.analyzer.client.OllamaClient;
import io.signaldesk.analyzer.client.OllamaUnavailableException;
import io.signaldesk.analyzer.service.ModelService;

/**
 * Whether Ollama answers and has the model in use pulled. In the "ollama" group (/q/health/group/ollama),
 * not in readiness: without Ollama the service still answers, from rules.
 */
@HealthGroup("ollama")
@ApplicationScoped
public class OllamaHealthCheck implements HealthCheck {

    private final OllamaClient ollama;
    private final ModelService models;

    public OllamaHealthCheck(OllamaClient ollama, ModelService models) {
        this.ollama = ollama;
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        String model = models.current();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("ollama")
                .withData("url", ollama.baseUrl()).withData("model", model);
        try {
            boolean pulled = ollama.models().stream()
                    .anyMatch(m -> m.name().equals(model) || m.name().equals(model + ":latest"));
            return health.withData("reachable", true).withData("modelPulled", pulled).status(pulled).build();
        } catch (OllamaUnavailableException e) {
            return health.withData("reachable", false).withData("modelPulled", false)
                    .withData("error", e.getMessage()).down().build();
        }
    }
}
