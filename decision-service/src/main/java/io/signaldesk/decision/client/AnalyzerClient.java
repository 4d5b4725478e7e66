package io.signaldesk.decision.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.decision.client.AnalyzerDtos.AiStatus;
import io.signaldesk.decision.client.AnalyzerDtos.EntryRequest;
import io.signaldesk.decision.client.AnalyzerDtos.EntryResult;
import io.signaldesk.decision.client.AnalyzerDtos.Envelope;
import io.signaldesk.decision.client.AnalyzerDtos.ExitRequest;
import io.signaldesk.decision.client.AnalyzerDtos.ExitResult;
import io.signaldesk.decision.client.AnalyzerDtos.RiskRequest;
import io.signaldesk.decision.client.AnalyzerDtos.RiskResult;
import io.signaldesk.decision.client.AnalyzerDtos.SentimentResult;
import io.signaldesk.decision.domain.Side;

/** The decision service's only door to ai-analyzer-service; never throws, says why when it has no answer. */
@ApplicationScoped
public class AnalyzerClient {

    private static final Logger LOG = Logger.getLogger(AnalyzerClient.class);

    private final AnalyzerRestClient rest;
    private final AnalyzerGuard guard;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile Instant lastSuccessAt;

    AnalyzerClient(@RestClient AnalyzerRestClient rest, AnalyzerGuard guard, ObjectMapper mapper,
            MeterRegistry registry) {
        this.rest = rest;
        this.guard = guard;
        this.mapper = mapper;
        this.registry = registry;
    }

    public AiAnswer<EntryResult> entry(String coin, Side side, BigDecimal price, JsonNode market) {
        return analyse("entry", () -> rest.entry(new EntryRequest(coin, side.name(), price, market)),
                EntryResult.class,
                r -> r.enter() != null && validConfidence(r.confidence()));
    }

    public AiAnswer<ExitResult> exit(ExitRequest request) {
        return analyse("exit", () -> rest.exit(request), ExitResult.class,
                r -> ("HOLD".equals(r.action()) || "CLOSE".equals(r.action())) && validConfidence(r.confidence()));
    }

    public AiAnswer<RiskResult> risk(String coin, Side side, BigDecimal price, BigDecimal equity, JsonNode market) {
        return analyse("risk", () -> rest.risk(new RiskRequest(coin, side.name(), price, equity, market)),
                RiskResult.class,
                r -> r.positionSizePct() != null && r.positionSizePct().signum() > 0
                        && r.stopLossPct() != null && r.stopLossPct().signum() > 0);
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

    /** True when the last call of any kind reached the analyzer. */
    public boolean reachable() {
        return lastFailure.get() == null;
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    private <T> AiAnswer<T> analyse(String kind, Supplier<Envelope> call, Class<T> type, Predicate<T> valid) {
        Envelope envelope;
        try {
            envelope = guard.call(call);
        } catch (TimeoutException e) {
            return fallback(kind, "TIMEOUT");
        } catch (CircuitBreakerOpenException e) {
            return fallback(kind, "CIRCUIT_OPEN");
        } catch (RuntimeException e) {
            LOG.debugf("analyzer %s call failed: %s", kind, e.toString());
            return fallback(kind, "ANALYZER_DOWN");
        }
        markSuccess();
        try {
            T result = envelope == null || envelope.result() == null ? null : mapper.treeToValue(envelope.result(), type);
            if (result == null || !valid.test(result)) {
                return fallback(kind, "INVALID_ANSWER");
            }
            return AiAnswer.answered(result, envelope.source(), envelope.model(), envelope.fallbackReason());
        } catch (Exception e) {
            return fallback(kind, "INVALID_ANSWER");
        }
    }

    private <T> AiAnswer<T> fallback(String kind, String reason) {
        if (!"INVALID_ANSWER".equals(reason)) {
            markFailure(reason);
        }
        registry.counter("decision.analyzer.fallbacks", "call", kind, "reason", reason).increment();
        return AiAnswer.unavailable(reason);
    }

    private void markSuccess() {
        lastFailure.set(null);
        lastSuccessAt = Instant.now();
    }

    private void markFailure(String reason) {
        lastFailure.set(reason);
    }

    public Optional<Instant> lastSuccessAt() {
        return Optional.ofNullable(lastSuccessAt);
    }

    private static boolean validConfidence(Integer confidence) {
        return confidence != null && confidence >= 1 && confidence <= 10;
    }
}
