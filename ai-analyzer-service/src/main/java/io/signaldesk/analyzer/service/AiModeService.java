package io.signaldesk.analyzer.service;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AiMode;

/** AI or RULES, switchable at run time (the product's AI toggle). */
@ApplicationScoped
public class AiModeService {

    private final AtomicReference<AiMode> mode;

    public AiModeService(AnalyzerConfig config) {
        this.mode = new AtomicReference<>(config.mode());
    }

    public AiMode mode() {
        return mode.get();
    }

    public void set(AiMode newMode) {
        mode.set(newMode);
    }
}
