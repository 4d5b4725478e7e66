package io.signaldesk.decision.adapter.analyzer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.AiStatus;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryResult;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.Envelope;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.SentimentResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.ShadowAnswer;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.SignalEvent;
import io.signaldesk.common.config.SignalConfig;
import io.signaldesk.common.config.TransportConfig;
import io.smallrye.mutiny.Multi;
import org.jboss.resteasy.reactive.client.SseEvent;
import io.signaldesk.decision.engine.port.AiAnswer;

/** The decision service's only door to ai-analyzer-service; never throws, says why when it has no answer. */
// Also remembers who produced the last entry/exit/risk answer, so the dashboard can say whether AI answers arrive.
@ApplicationScoped
@Startup // its meters at zero from start (the dashboards read them)
public class AnalyzerClient implements AnalyzerPort {

    private static final Logger LOG = Logger.getLogger(AnalyzerClient.class);

    private final AnalyzerRestClient rest;
    /** Sent in X-Engine-Key so the analyzer serves the engine in its desk lane, ahead of outside callers. */
    private final String engineKey;
    /** Over Kafka when SIGNAL_TRANSPORT=kafka (created only then: its channel does not exist otherwise), else null. */
    private final KafkaAnalysisClient kafka;
    private final AnalyzerGuard guard;
    private final ShadowQuestions shadow;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final AtomicReference<AnswerSeen> lastAnswer = new AtomicReference<>();
    private volatile Instant lastSuccessAt;

    AnalyzerClient(@RestClient AnalyzerRestClient rest, TransportConfig transport, Instance<KafkaAnalysisClient> kafka,
            AnalyzerGuard guard, ObjectMapper mapper, MeterRegistry registry, SignalConfig signal, ShadowQuestions shadow) {
        this.rest = rest;
        this.shadow = shadow;
        this.engineKey = signal.deskKey().orElse(null);
        this.kafka = transport.kafka() ? kafka.get() : null;
        this.guard = guard;
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

    /** Whether to enter; answered the moment the analyzer's decision is known, its reason in {@link AiAnswer#reasonLater()}. */
    @Override
    public AiAnswer<EntryResult> entry(EntryRequest request) {
        Predicate<EntryResult> valid = r -> r.enter() != null && validConfidence(r.confidence());
        return kafka != null ? overKafka("entry", request.coin(), request, EntryResult.class, valid)
                : analyse("entry", () -> rest.entry(engineKey, request), EntryResult.class, valid);
    }

    /** Hold or close; answered the moment the analyzer's decision is known, like {@link #entry}. */
    @Override
    public AiAnswer<ExitResult> exit(ExitRequest request) {
        Predicate<ExitResult> valid = r -> ("HOLD".equals(r.action()) || "CLOSE".equals(r.action()))
                && validConfidence(r.confidence());
        return kafka != null ? overKafka("exit", request.coin(), request, ExitResult.class, valid)
                : analyse("exit", () -> rest.exit(engineKey, request), ExitResult.class, valid);
    }

    /** The last scheduled sentiment envelope; empty before the first one or when unreachable. */
    public Optional<Envelope> latestSentiment() {
        try {
            Envelope envelope = rest.latest();
            markSuccess();
            return Optional.ofNullable(envelope);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                markSuccess();
                return Optional.empty();
            }
            markFailure("ANALYZER_DOWN");
            return Optional.empty();
        } catch (RuntimeException e) {
            markFailure("ANALYZER_DOWN");
            return Optional.empty();
        }
    }

    public Optional<SentimentResult> sentimentOf(Envelope envelope) {
        try {
            SentimentResult result = mapper.treeToValue(envelope.result(), SentimentResult.class);
            return Optional.ofNullable(result).filter(r -> r.coin() != null && r.signal() != null);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public Optional<AiStatus> status() {
        try {
            AiStatus status = rest.status();
            markSuccess();
            return Optional.ofNullable(status);
        } catch (RuntimeException e) {
            markFailure("ANALYZER_DOWN");
            return Optional.empty();
        }
    }

    /**
     * The analyzer's models; a {@link WebApplicationException} carries the analyzer's own error answer,
     * any other failure means it could not be reached.
     */
    public JsonNode models() {
        return rest.models();
    }

    /** Switches the analyzer's model, forwarding this service's API key; failures as for {@link #models()}. */
    public JsonNode switchModel(String apiKey, String model) {
        return rest.switchModel(apiKey, mapper.createObjectNode().put("model", model));
    }

    /** Sets the analyzer's operator setting (AI or RULES), forwarding this service's API key; failures as for {@link #models()}. */
    public JsonNode setMode(String apiKey, String mode) {
        return rest.setMode(apiKey, mapper.createObjectNode().put("mode", mode));
    }

    /** True when the last call of any kind reached the analyzer. */
    public boolean reachable() {
        return lastFailure.get() == null;
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /**
     * Reads a streamed analysis: returns on its {@code signal} event (the decision fields) while the reason is still
     * being written; the {@code done} event's reason completes {@link AiAnswer#reasonLater()}.
     */
    private <T> AiAnswer<T> analyse(String kind, Supplier<Multi<SseEvent<String>>> call, Class<T> type, Predicate<T> valid) {
        SignalEvent signal;
        CompletableFuture<String> reason = new CompletableFuture<>();
        try {
            signal = guard.call(() -> awaitSignal(call.get(), reason));
        } catch (TimeoutException e) {
            return fallback(kind, "TIMEOUT");
        } catch (CircuitBreakerOpenException e) {
            return fallback(kind, "CIRCUIT_OPEN");
        } catch (RuntimeException e) {
            LOG.debugf("analyzer %s call failed: %s", kind, e.toString());
            return fallback(kind, "ANALYZER_DOWN");
        }
        markSuccess();
        return answer(kind, signal, reason, type, valid);
    }

    /**
     * The same question over Kafka: answered by any analyzer of the group before this service's deadline, else the
     * rules with TIMEOUT (ANALYZER_DOWN when the request could not even be published).
     */
    private <T> AiAnswer<T> overKafka(String kind, String coin, Object request, Class<T> type, Predicate<T> valid) {
        CompletableFuture<String> reason = new CompletableFuture<>();
        SignalEvent signal;
        try {
            signal = kafka.ask(kind.toUpperCase(java.util.Locale.ROOT), coin, request, reason).signal();
        } catch (KafkaAnalysisClient.NoAnswerInTime e) {
            return fallback(kind, "TIMEOUT");
        } catch (RuntimeException e) {
            LOG.debugf("analyzer %s request over Kafka failed: %s", kind, e.toString());
            return fallback(kind, "ANALYZER_DOWN");
        }
        markSuccess();
        return answer(kind, signal, reason, type, valid);
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

    /** Blocks until the signal event (or a done event without one); the reason future completes on done. */
    private SignalEvent awaitSignal(Multi<SseEvent<String>> events, CompletableFuture<String> reason) {
        CompletableFuture<SignalEvent> signal = new CompletableFuture<>();
        events.subscribe().with(event -> {
            try {
                if ("signal".equals(event.name())) {
                    signal.complete(mapper.readValue(event.data(), SignalEvent.class));
                } else if ("done".equals(event.name())) {
                    Envelope envelope = mapper.readValue(event.data(), Envelope.class);
                    signal.complete(new SignalEvent(envelope.type(), envelope.result(), envelope.source(),
                            envelope.model(), envelope.fallbackReason(), envelope.latencyMs(), null));
                    reason.complete(envelope.result() == null ? null : envelope.result().path("reason").asText(null));
                }
            } catch (Exception e) {
                signal.completeExceptionally(e);
            }
        }, failure -> {
            signal.completeExceptionally(failure);
            reason.complete(null);
        }, () -> {
            signal.completeExceptionally(new IllegalStateException("the analysis stream ended without a decision"));
            reason.complete(null);
        });
        try {
            return signal.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the analyzer's decision", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private <T> AiAnswer<T> fallback(String kind, String reason) {
        if (!"INVALID_ANSWER".equals(reason)) {
            markFailure(reason);
        }
        registry.counter("decision.analyzer.fallbacks", "call", kind, "reason", reason).increment();
        lastAnswer.set(new AnswerSeen(false, reason, null, Instant.now()));
        return AiAnswer.unavailable(reason);
    }

    private void markSuccess() {
        lastFailure.set(null);
        lastSuccessAt = Instant.now();
    }

    private void markFailure(String reason) {
        lastFailure.set(reason);
    }

    /** Who produced the last analysis the engine asked for: the model or not (and why), when. */
    public record AnswerSeen(boolean fromModel, String whyNot, String model, Instant at) {
    }

    public Optional<AnswerSeen> lastAnswer() {
        return Optional.ofNullable(lastAnswer.get());
    }

    public Optional<Instant> lastSuccessAt() {
        return Optional.ofNullable(lastSuccessAt);
    }

    private static boolean validConfidence(Integer confidence) {
        return confidence != null && confidence >= 1 && confidence <= 10;
    }

    @Override
    public java.util.concurrent.CompletionStage<ShadowAnswer> shadowEntry(EntryRequest request) {
        return shadow.entry(request);
    }

    @Override
    public java.util.concurrent.CompletionStage<ShadowAnswer> shadowExit(ExitRequest request) {
        return shadow.exit(request);
    }
}
