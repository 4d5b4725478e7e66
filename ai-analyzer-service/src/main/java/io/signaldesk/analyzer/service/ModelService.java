package io.signaldesk.analyzer.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.signaldesk.analyzer.ai.ChatRequests;
import io.signaldesk.analyzer.client.OllamaClient;
import io.signaldesk.analyzer.client.OllamaTags;
import io.signaldesk.analyzer.client.OllamaUnavailableException;
import io.signaldesk.analyzer.config.AnalyzerConfig;

/**
 * The model in use: listing, run-time switch, and keeping it warm in Ollama: a preload and one priming call
 * (the fixed system prompt into Ollama's KV cache) at start and after a switch, so the first answer a user
 * sees is warm, and a preload every keep_alive/2, since a reload costs seconds.
 */
@ApplicationScoped
public class ModelService {

    private static final Logger LOG = Logger.getLogger(ModelService.class);

    private final AnalyzerConfig.Ollama config;
    private final OllamaClient ollama;
    private final ActiveModel active;
    private final ModelQueue queue;
    private final ManagedExecutor executor;
    private final MachineRates rates;
    private volatile long lastLoadNanos = System.nanoTime();

    public ModelService(AnalyzerConfig config, OllamaClient ollama, ActiveModel active, ModelQueue queue,
            ManagedExecutor executor, MachineRates rates) {
        this.config = config.ollama();
        this.rates = rates;
        this.ollama = ollama;
        this.active = active;
        this.queue = queue;
        this.executor = executor;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.preload()) {
            preloadInBackground();
        }
    }

    /** Loads the model again once half its keep-alive has passed since the last load, so Ollama keeps it in memory. */
    @Scheduled(identity = "ollama-keep-alive", every = "1s", delayed = "1s", concurrentExecution = ConcurrentExecution.SKIP)
    void keepAlive() {
        Duration every = config.keepAlive().dividedBy(2).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : config.keepAlive().dividedBy(2);
        if (config.preload() && System.nanoTime() - lastLoadNanos >= every.toNanos()) {
            preloadQuietly(active.name(), false);
        }
    }

    public String current() {
        return active.name();
    }

    /** @throws OllamaUnavailableException when Ollama cannot be reached */
    public List<OllamaTags.Model> models() {
        return ollama.models();
    }

    /**
     * Switches to {@code name} when Ollama has it pulled.
     *
     * @return the model now in use, empty when Ollama does not have it
     * @throws OllamaUnavailableException when Ollama cannot be reached
     */
    public Optional<String> switchTo(String name) {
        Optional<String> known = ollama.models().stream()
                .map(OllamaTags.Model::name)
                .filter(model -> model.equals(name) || model.equals(name + ":latest"))
                .findFirst();
        known.ifPresent(model -> {
            active.set(model);
            LOG.infof("Model switched to %s", model);
            if (config.preload()) {
                preloadInBackground();
            }
        });
        return known;
    }

    private void preloadInBackground() {
        String model = active.name();
        executor.runAsync(() -> preloadQuietly(model, true));
    }

    private void preloadQuietly(String model, boolean prime) {
        lastLoadNanos = System.nanoTime();
        try {
            long start = System.nanoTime();
            ollama.preload(model);
            if (prime) {
                rates.loaded(model, System.nanoTime() - start); // a start or a switch: loaded from disk or page cache
            }
            LOG.infof("Model %s loaded in Ollama (keep_alive %s) in %d ms", model, config.keepAlive(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (OllamaUnavailableException e) {
            LOG.warnf("Preload of %s skipped: %s", model, e.getMessage());
            return;
        }
        if (prime) {
            long start = System.nanoTime();
            queue.prime(ChatRequests.priming(config, model)).reply().whenComplete((reply, failure) -> {
                if (failure == null) {
                    LOG.infof("Model %s primed with the system prompt in %d ms", model, (System.nanoTime() - start) / 1_000_000);
                } else {
                    LOG.warnf("Priming of %s failed: %s", model, failure.getMessage());
                }
            });
        }
    }
}
