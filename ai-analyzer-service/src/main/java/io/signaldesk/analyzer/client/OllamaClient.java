package io.signaldesk.analyzer.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.signaldesk.analyzer.config.AnalyzerConfig;

/**
 * Ollama's model list and preload. Two clients on the same base URL: a quick one for the list (health,
 * model switch) and a patient one for the preload, which waits while Ollama loads the model.
 */
@ApplicationScoped
public class OllamaClient {

    private static final Duration QUICK = Duration.ofSeconds(2);
    private static final Duration LOAD = Duration.ofMinutes(2);

    private final String baseUrl;
    private final Duration keepAlive;
    private final OllamaRestApi quick;
    private final OllamaRestApi patient;

    public OllamaClient(AnalyzerConfig config) {
        this.baseUrl = config.ollama().baseUrl();
        this.keepAlive = config.ollama().keepAlive();
        this.quick = build(baseUrl, QUICK);
        this.patient = build(baseUrl, LOAD);
    }

    /** @throws OllamaUnavailableException when Ollama cannot be reached */
    public List<OllamaTags.Model> models() {
        try {
            return quick.tags().models();
        } catch (RuntimeException e) {
            throw new OllamaUnavailableException(baseUrl, e);
        }
    }

    /** Loads {@code model} and keeps it loaded for keep_alive; blocks while Ollama loads it. */
    public void preload(String model) {
        try {
            patient.generate(new OllamaPreload(model, keepAlive.toSeconds()));
        } catch (RuntimeException e) {
            throw new OllamaUnavailableException(baseUrl, e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    private static OllamaRestApi build(String baseUrl, Duration readTimeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(1, TimeUnit.SECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(OllamaRestApi.class);
    }
}
