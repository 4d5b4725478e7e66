package io.signaldesk.analyzer.service;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.signaldesk.analyzer.ai.SwitchableChatModel;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.domain.AnalysisEnvelope;
import io.signaldesk.analyzer.domain.AnalysisSource;
import io.signaldesk.analyzer.domain.FallbackReason;

/**
 * Where an analysis is decided: RULES mode, cache, or the model within the deadline, else the labelled
 * rules answer. Never throws for model trouble. A model answer arriving after the deadline still fills the cache.
 */
@ApplicationScoped
public class AnalysisService {

    private static final Logger LOG = Logger.getLogger(AnalysisService.class);

    private final AnalyzerConfig config;
    private final AiModeService mode;
    private final ModelGateway gateway;
    private final RuleBasedAnalyzer rules;
    private final AnalysisCache cache;
    private final MarketStateKey keys;
    private final SwitchableChatModel chatModel;
    private final AiMetricsService metrics;
    private final ManagedExecutor executor;
    private final Event<AnalysisPublished> published;

    public AnalysisService(AnalyzerConfig config, AiModeService mode, ModelGateway gateway, RuleBasedAnalyzer rules,
            AnalysisCache cache, MarketStateKey keys, SwitchableChatModel chatModel, AiMetricsService metrics,
            ManagedExecutor executor, Event<AnalysisPublished> published) {
        this.config = config;
        this.mode = mode;
        this.gateway = gateway;
        this.rules = rules;
        this.cache = cache;
        this.keys = keys;
        this.chatModel = chatModel;
        this.metrics = metrics;
        this.executor = executor;
        this.published = published;
    }

    /** @param startNanos when the caller's request began ({@link System#nanoTime()}); the deadline runs from it */
    public <R> AnalysisEnvelope<R> analyse(AnalysisTask<R> task, long startNanos) {
        if (mode.mode() == AiMode.RULES) {
            return publish(byRules(task, FallbackReason.MODE_RULES, startNanos, 0, 0));
        }
        String key = task.type() + "|" + chatModel.modelName() + "|" + task.stateKey(keys);
        var hit = cache.<R> get(key);
        if (hit.isPresent()) {
            metrics.cacheHit(task.type());
            AnalysisEnvelope<R> envelope = hit.get().fromCache(elapsedMs(startNanos));
            metrics.answered(envelope);
            return envelope;
        }
        metrics.cacheMiss(task.type());
        CompletableFuture<ModelAnswer<R>> call = CompletableFuture.supplyAsync(() -> gateway.ask(task), executor);
        try {
            long remainingMs = Math.max(0, config.deadline().toMillis() - elapsedMs(startNanos));
            ModelAnswer<R> answer = call.get(remainingMs, TimeUnit.MILLISECONDS);
            AnalysisEnvelope<R> envelope = fromModel(task, answer, elapsedMs(startNanos));
            cache.put(key, envelope);
            return publish(envelope);
        } catch (TimeoutException e) {
            metrics.deadlineMissed(task.type());
            call.thenAccept(late -> cache.put(key, fromModel(task, late, elapsedMs(startNanos))));
            return publish(byRules(task, FallbackReason.TIMEOUT, startNanos, 0, 0));
        } catch (ExecutionException e) {
            return publish(fallback(task, e.getCause(), startNanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return publish(byRules(task, FallbackReason.MODEL_DOWN, startNanos, 0, 0));
        }
    }

    private <R> AnalysisEnvelope<R> fallback(AnalysisTask<R> task, Throwable cause, long startNanos) {
        if (cause instanceof CircuitBreakerOpenException) {
            return byRules(task, FallbackReason.CIRCUIT_OPEN, startNanos, 0, 0);
        }
        if (cause instanceof InvalidModelOutputException invalid) {
            LOG.infof("%s: model output rejected twice (%s), answering from rules", task.type(), invalid.getMessage());
            return byRules(task, FallbackReason.INVALID_OUTPUT, startNanos, invalid.promptTokens(), invalid.completionTokens());
        }
        LOG.warnf("%s: model call failed (%s), answering from rules", task.type(), cause);
        return byRules(task, FallbackReason.MODEL_DOWN, startNanos, 0, 0);
    }

    private <R> AnalysisEnvelope<R> byRules(AnalysisTask<R> task, FallbackReason reason, long startNanos,
            int promptTokens, int completionTokens) {
        R result = task.byRules(rules);
        return new AnalysisEnvelope<>(task.type(), result, AnalysisSource.RULES, AnalysisEnvelope.RULES_MODEL,
                elapsedMs(startNanos), promptTokens, completionTokens, reason, false, Instant.now());
    }

    private static <R> AnalysisEnvelope<R> fromModel(AnalysisTask<R> task, ModelAnswer<R> answer, long latencyMs) {
        return new AnalysisEnvelope<>(task.type(), answer.result(), AnalysisSource.AI, answer.model(), latencyMs,
                answer.promptTokens(), answer.completionTokens(), null, answer.reprompted(), Instant.now());
    }

    private <R> AnalysisEnvelope<R> publish(AnalysisEnvelope<R> envelope) {
        metrics.answered(envelope);
        published.fire(new AnalysisPublished(envelope));
        return envelope;
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
