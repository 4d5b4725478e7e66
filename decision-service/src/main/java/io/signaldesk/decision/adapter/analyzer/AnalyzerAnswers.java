package io.signaldesk.decision.adapter.analyzer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.SignalEvent;
import io.signaldesk.decision.engine.port.AiAnswer;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitResult;

/**
 * What the engine heard from the analyzer, whichever transport carried it (SSE in {@link AnalyzerClient}, Kafka in
 * {@link KafkaAnalysisClient}): a decision checked and turned into an {@link AiAnswer}, or the reason there is none;
 * counted in decision.analyzer.answers / fallbacks, and remembered for the dashboard (reachable, last answer).
 */
@ApplicationScoped
@Startup // its meters at zero from start (the dashboards read them)
public class AnalyzerAnswers {

    private static final Predicate<EntryResult> ENTRY = r -> r.enter() != null && validConfidence(r.confidence());
    private static final Predicate<ExitResult> EXIT = r -> ("HOLD".equals(r.action()) || "CLOSE".equals(r.action()))
            && validConfidence(r.confidence());

    /** Who produced the last analysis the engine asked for: the model or not (and why), when. */
    public record AnswerSeen(boolean fromModel, String whyNot, String model, Instant at) {
    }

    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final AtomicReference<AnswerSeen> lastAnswer = new AtomicReference<>();

    AnalyzerAnswers(ObjectMapper mapper, MeterRegistry registry) {
        this.mapper = mapper;
        this.registry = registry;
        // at zero from start for the dashboards: who answered the engine's asks, and why none came
        for (String call : List.of("entry", "exit")) {
            for (String source : List.of("AI", "CACHE", "RULES")) {
                registry.counter("decision.analyzer.answers", "call", call, "source", source);
            }
            for (String reason : List.of("TIMEOUT", "CIRCUIT_OPEN", "ANALYZER_DOWN", "INVALID_ANSWER")) {
                registry.counter("decision.analyzer.fallbacks", "call", call, "reason", reason);
            }
        }
    }

    AiAnswer<EntryResult> entry(SignalEvent signal, CompletableFuture<String> reason) {
        markSuccess();
        return answer("entry", signal, reason, EntryResult.class, ENTRY);
    }

    AiAnswer<ExitResult> exit(SignalEvent signal, CompletableFuture<String> reason) {
        markSuccess();
        return answer("exit", signal, reason, ExitResult.class, EXIT);
    }

    /** A decision as heard (SSE signal or Kafka signal record), checked and turned into an answer. */
    private <T> AiAnswer<T> answer(String kind, SignalEvent signal, CompletableFuture<String> reason, Class<T> type,
            Predicate<T> valid) {
        try {
            if (signal == null || signal.decision() == null || !signal.decision().isObject()) {
                return fallback(kind, "INVALID_ANSWER");
            }
            ObjectNode decision = signal.decision().deepCopy();
            if (!decision.hasNonNull("reason")) {
                decision.put("reason", AiAnswer.REASON_FOLLOWS);
            }
            T result = mapper.treeToValue(decision, type);
            if (result == null || !valid.test(result)) {
                return fallback(kind, "INVALID_ANSWER");
            }
            AiAnswer<T> answer = AiAnswer.answered(result, signal.source(), signal.model(), signal.fallbackReason(), reason,
                    signal.prompt());
            // who answered the engine (AI: a model call, CACHE, RULES: the analyzer's fallback); failures are in fallbacks
            registry.counter("decision.analyzer.answers", "call", kind, "source", String.valueOf(signal.source())).increment();
            lastAnswer.set(new AnswerSeen(answer.fromModel(), answer.whyNoModel(), signal.model(), Instant.now()));
            return answer;
        } catch (Exception e) {
            return fallback(kind, "INVALID_ANSWER");
        }
    }

    /** No answer: {@code reason} is TIMEOUT, CIRCUIT_OPEN, ANALYZER_DOWN or INVALID_ANSWER; the engine's rules decide. */
    <T> AiAnswer<T> fallback(String kind, String reason) {
        if (!"INVALID_ANSWER".equals(reason)) {
            markFailure(reason);
        }
        registry.counter("decision.analyzer.fallbacks", "call", kind, "reason", reason).increment();
        lastAnswer.set(new AnswerSeen(false, reason, null, Instant.now()));
        return AiAnswer.unavailable(reason);
    }

    void markSuccess() {
        lastFailure.set(null);
    }

    void markFailure(String reason) {
        lastFailure.set(reason);
    }

    /** True when the last call of any kind reached the analyzer. */
    public boolean reachable() {
        return lastFailure.get() == null;
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    public Optional<AnswerSeen> lastAnswer() {
        return Optional.ofNullable(lastAnswer.get());
    }

    private static boolean validConfidence(Integer confidence) {
        return confidence != null && confidence >= 1 && confidence <= 10;
    }
}
