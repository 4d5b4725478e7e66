package io.signaldesk.decision.adapter.analyzer;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.AiStatus;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryResult;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.Envelope;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.SentimentResult;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.SignalEvent;
import io.signaldesk.common.config.SignalConfig;
import io.smallrye.mutiny.Multi;
import org.jboss.resteasy.reactive.client.SseEvent;
import io.signaldesk.decision.engine.port.AiAnswer;

/**
 * The engine's analyzer over HTTP: a question is a POST answered as Server-Sent Events (read up to its decision, behind
 * {@link AnalyzerGuard}), plus the analyzer's status, sentiment and model calls for the dashboard. Never throws on the
 * engine's path, says why when it has no answer ({@link AnalyzerAnswers}). The engine asks it through
 * its {@link AnalyzerPort} in the websocket transport ({@code adapter/Transports} chooses; the shadow model:
 * {@link ShadowedAnalyzer}).
 */
@ApplicationScoped
@Typed(AnalyzerClient.class)
public class AnalyzerClient implements AnalyzerPort {

    private static final Logger LOG = Logger.getLogger(AnalyzerClient.class);

    private final AnalyzerRestClient rest;
    /** Sent in X-Engine-Key so the analyzer serves the engine in its desk lane, ahead of outside callers. */
    private final String engineKey;
    private final AnalyzerGuard guard;
    private final AnalyzerAnswers answers;
    private final ObjectMapper mapper;

    AnalyzerClient(@RestClient AnalyzerRestClient rest, AnalyzerGuard guard, AnalyzerAnswers answers, ObjectMapper mapper,
            SignalConfig signal) {
        this.rest = rest;
        this.engineKey = signal.deskKey().orElse(null);
        this.guard = guard;
        this.answers = answers;
        this.mapper = mapper;
    }

    /** Whether to enter; answered the moment the analyzer's decision is known, its reason in {@link AiAnswer#reasonLater()}. */
    @Override
    public AiAnswer<EntryResult> entry(EntryRequest request) {
        CompletableFuture<String> reason = new CompletableFuture<>();
        Heard heard = analyse("entry", () -> rest.entry(engineKey, request), reason);
        return heard.signal() == null ? answers.fallback("entry", heard.failure()) : answers.entry(heard.signal(), reason);
    }

    /** Hold or close; answered the moment the analyzer's decision is known, like {@link #entry}. */
    @Override
    public AiAnswer<ExitResult> exit(ExitRequest request) {
        CompletableFuture<String> reason = new CompletableFuture<>();
        Heard heard = analyse("exit", () -> rest.exit(engineKey, request), reason);
        return heard.signal() == null ? answers.fallback("exit", heard.failure()) : answers.exit(heard.signal(), reason);
    }

    /** The last scheduled sentiment envelope; empty before the first one or when unreachable. */
    public Optional<Envelope> latestSentiment() {
        try {
            Envelope envelope = rest.latest();
            answers.markSuccess();
            return Optional.ofNullable(envelope);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                answers.markSuccess();
                return Optional.empty();
            }
            answers.markFailure("ANALYZER_DOWN");
            return Optional.empty();
        } catch (RuntimeException e) {
            answers.markFailure("ANALYZER_DOWN");
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
            answers.markSuccess();
            return Optional.ofNullable(status);
        } catch (RuntimeException e) {
            answers.markFailure("ANALYZER_DOWN");
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
        return answers.reachable();
    }

    public Optional<String> lastFailure() {
        return answers.lastFailure();
    }

    public Optional<AnalyzerAnswers.AnswerSeen> lastAnswer() {
        return answers.lastAnswer();
    }

    /** The decision heard, or why there is none (TIMEOUT, CIRCUIT_OPEN, ANALYZER_DOWN). */
    private record Heard(SignalEvent signal, String failure) {
    }

    /**
     * Reads a streamed analysis: returns on its {@code signal} event (the decision fields) while the reason is still
     * being written; the {@code done} event's reason completes {@code reason}.
     */
    private Heard analyse(String kind, Supplier<Multi<SseEvent<String>>> call, CompletableFuture<String> reason) {
        try {
            return new Heard(guard.call(() -> awaitSignal(call.get(), reason)), null);
        } catch (TimeoutException e) {
            return new Heard(null, "TIMEOUT");
        } catch (CircuitBreakerOpenException e) {
            return new Heard(null, "CIRCUIT_OPEN");
        } catch (RuntimeException e) {
            LOG.debugf("analyzer %s call failed: %s", kind, e.toString());
            return new Heard(null, "ANALYZER_DOWN");
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
}
