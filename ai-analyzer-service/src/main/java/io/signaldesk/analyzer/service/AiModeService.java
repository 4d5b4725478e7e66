package io.signaldesk.analyzer.service;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AiMode;

/**
 * AI or RULES, switchable at run time: an operator's setting (the trader's mode is the decision service's). RULES makes
 * every answer the labelled rules answer (MODE_RULES), so the mode says since when and who set it.
 */
@ApplicationScoped
public class AiModeService {

    /** Who set the mode: the configuration at start ({@code analyzer.mode}) or an operator (PUT /api/ai/mode). */
    public static final String CONFIGURATION = "configuration", OPERATOR = "operator";

    /** The mode, since when it holds and who set it. */
    @RegisterForReflection
    public record ModeState(AiMode mode, Instant since, String setBy) {
    }

    private final AtomicReference<ModeState> state;

    public AiModeService(AnalyzerConfig config) {
        this.state = new AtomicReference<>(new ModeState(config.mode(), Instant.now(), CONFIGURATION));
    }

    public AiMode mode() {
        return state.get().mode();
    }

    public ModeState state() {
        return state.get();
    }

    /** An operator's switch; setting the mode it already has keeps its {@code since}. */
    public ModeState set(AiMode newMode) {
        return state.updateAndGet(s -> s.mode() == newMode ? s : new ModeState(newMode, Instant.now(), OPERATOR));
    }
}
