package io.signaldesk.analyzer.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.signaldesk.analyzer.ai.SwitchableChatModel;
import io.signaldesk.analyzer.client.OllamaClient;
import io.signaldesk.analyzer.client.OllamaTags;
import io.signaldesk.analyzer.client.OllamaUnavailableException;
import io.signaldesk.analyzer.config.AnalyzerConfig;

/**
 * The model in use: listing, run-time switch, and keeping it loaded in Ollama (preload at start, on a
 * switch and every keep_alive/2, since a reload costs seconds).
 */
@ApplicationScoped
public class ModelService {

    private static final Logger LOG = Logger.getLogger(ModelService.class);

    private final AnalyzerConfig.Ollama config;
    private final OllamaClient ollama;
    private final SwitchableChatModel chatModel;
    private final ManagedExecutor executor;

    public ModelService(AnalyzerConfig config, OllamaClient ollama, SwitchableChatModel chatModel,
            ManagedExecutor executor) {
        this.config = config.ollama();
        this.ollama = ollama;
        this.chatModel = chatModel;
        this.executor = executor;
    }

    void onStart(@Observes StartupEvent start, Scheduler scheduler) {
        if (!config.preload()) {
            return;
        }
        preloadInBackground();
        Duration every = config.keepAlive().dividedBy(2).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : config.keepAlive().dividedBy(2);
        scheduler.newJob("ollama-keep-alive")
                .setInterval(every.toSeconds() + "s")
                .setDelayed(every.toSeconds() + "s")
                .setTask(execution -> preloadQuietly(chatModel.modelName()))
                .schedule();
    }

    public String current() {
        return chatModel.modelName();
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
            chatModel.switchTo(model);
            LOG.infof("Model switched to %s", model);
            if (config.preload()) {
                preloadInBackground();
            }
        });
        return known;
    }

    private void preloadInBackground() {
        String model = chatModel.modelName();
        executor.runAsync(() -> preloadQuietly(model));
    }

    private void preloadQuietly(String model) {
        try {
            long start = System.nanoTime();
            ollama.preload(model);
            LOG.infof("Model %s loaded in Ollama (keep_alive %s) in %d ms", model, config.keepAlive(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (OllamaUnavailableException e) {
            LOG.warnf("Preload of %s skipped: %s", model, e.getMessage());
        }
    }
}
