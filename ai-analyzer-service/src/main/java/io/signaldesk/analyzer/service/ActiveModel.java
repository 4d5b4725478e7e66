package io.signaldesk.analyzer.service;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.analyzer.config.AnalyzerConfig;

/** The name of the Ollama model questions go to; switched at run time, read on every question. */
@ApplicationScoped
public class ActiveModel {

    private final AtomicReference<String> name;
    private final AiMetricsService metrics;

    public ActiveModel(AnalyzerConfig config, AiMetricsService metrics) {
        this.name = new AtomicReference<>(config.ollama().model());
        this.metrics = metrics;
        metrics.modelInUse(name.get());
    }

    public String name() {
        return name.get();
    }

    /** Later questions go to {@code model}; one already asked finishes on the previous one. */
    public void set(String model) {
        name.set(model);
        metrics.modelInUse(model);
    }
}
