package io.signaldesk.analyzer.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.ai.SystemPrompt;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.domain.AnalysisEnvelope;
import io.signaldesk.analyzer.domain.AnalysisSignal;
import io.signaldesk.analyzer.domain.AnalysisSource;
import io.signaldesk.analyzer.domain.PromptSent;
import io.signaldesk.core.decision.FallbackReason;
import io.vertx.core.Vertx;

/**
 * Where an analysis is decided: RULES mode, cache, or the model, else the labelled rules answer. The deadline
 * runs from the caller's request and bounds the time to a decision: the model's decision counts if it is
 * known in time (its reason may follow after); otherwise the rules answer at the deadline. Never throws for
 * model trouble. A model answer that arrives late still fills the cache.
 */
@ApplicationScoped
public class AnalysisService {

    private static final Logger LOG = Logger.getLogger(AnalysisService.class);
    private static final int PENDING = 0;
    private static final int MODEL_DECIDED = 1;
    private static final int RULES_DECIDED = 2;

    private final AnalyzerConfig config;
    private final AiModeService mode;
    private final ModelGateway gateway;
    private final RuleBasedAnalyzer rules;
    private final AnalysisCache cache;
    private final ActiveModel model;
    private final AiMetricsService metrics;
    private final MachineRates rates;
    private final ObjectMapper mapper;
    private final Event<AnalysisPublished> published;
    private final Event<AnalysisProgress> progress;
    private final ManagedExecutor executor;
    private final Vertx vertx;
    private final ShadowService arena;
    private final SystemPrompt system;

    public AnalysisService(AnalyzerConfig config, AiModeService mode, ModelGateway gateway, RuleBasedAnalyzer rules,
            AnalysisCache cache, ActiveModel model, AiMetricsService metrics, MachineRates rates,
            ObjectMapper mapper, Event<AnalysisPublished> published, Event<AnalysisProgress> progress,
            ManagedExecutor executor, Vertx vertx, ShadowService arena, SystemPrompt system) {
        this.config = config;
        this.mode = mode;
        this.gateway = gateway;
        this.rules = rules;
        this.cache = cache;
        this.model = model;
        this.metrics = metrics;
        this.rates = rates;
        this.mapper = mapper;
        this.published = published;
        this.progress = progress;
        this.executor = executor;
        this.vertx = vertx;
        this.arena = arena;
        this.system = system;
    }

    /** Blocking form for callers without a listener: the answer within the deadline. */
    public <R> AnalysisEnvelope<R> analyse(AnalysisTask<R> task, long startNanos, Caller caller) {
        return analyse(task, startNanos, config.deadline(), caller, AnalysisListener.NONE).toCompletableFuture().join();
    }

    /**
     * @param startNanos when the caller's request arrived ({@link System#nanoTime()}); the deadline runs from it
     * @param deadline longest the caller waits for the model's decision
     * @param caller the desk's own question (its lane comes first) or an outside one, and what the cache may do
     * @param listener hears the decision the moment it is known, then the reason as it grows
     */
    public <R> CompletionStage<AnalysisEnvelope<R>> analyse(AnalysisTask<R> task, long startNanos, Duration deadline,
            Caller caller, AnalysisListener listener) {
        AnalysisListener heard = broadcasting(task, listener);
        if (mode.mode() == AiMode.RULES) {
            return CompletableFuture.completedFuture(publish(byRules(task, FallbackReason.MODE_RULES, startNanos, 0, 0), heard));
        }
        // the question and the lessons' version are all the model reads besides the fixed system prompt: the same key is the same answer
        String key = task.type() + "|" + model.name() + "|" + system.lessons().version() + "|" + task.question();
        var hit = caller.readCache() ? cache.<R> get(key) : java.util.Optional.<AnalysisEnvelope<R>> empty();
        if (hit.isPresent()) {
            metrics.cacheHit(task.type());
            AnalysisEnvelope<R> envelope = hit.get().fromCache(elapsedMs(startNanos));
            tell(envelope, heard, sent(task));
            metrics.answered(envelope);
            rates.answered(envelope.source(), null);
            return CompletableFuture.completedFuture(envelope);
        }
        if (caller.readCache()) {
            metrics.cacheMiss(task.type());
        }
        return fromModel(task, key, caller, startNanos, startNanos + deadline.toNanos(), heard);
    }

    private <R> CompletionStage<AnalysisEnvelope<R>> fromModel(AnalysisTask<R> task, String key, Caller caller,
            long startNanos, long deadlineNanos, AnalysisListener heard) {
        AtomicInteger state = new AtomicInteger(PENDING);
        CompletableFuture<AnalysisEnvelope<R>> result = new CompletableFuture<>();
        long[] signalMs = {-1};
        CompletionStage<ModelAnswer<R>> call;
        try {
            call = gateway.ask(task, key, caller, deadlineNanos, new ModelGateway.Listener() {
                @Override
                public void decision(ObjectNode fields) {
                    if (state.compareAndSet(PENDING, MODEL_DECIDED)) {
                        signalMs[0] = elapsedMs(startNanos);
                        metrics.decided(task.type(), AnalysisSource.AI, signalMs[0]);
                        heard.signal(new AnalysisSignal(task.type(), fields, AnalysisSource.AI, model.name(), null, signalMs[0],
                                sent(task)));
                    }
                }

                @Override
                public void reason(String added) {
                    if (state.get() == MODEL_DECIDED) {
                        heard.reason(added);
                    }
                }
            });
        } catch (CircuitBreakerOpenException e) {
            return CompletableFuture.completedFuture(publish(byRules(task, FallbackReason.CIRCUIT_OPEN, startNanos, 0, 0), heard));
        }
        // the deadline (sub-second) on a Vert.x timer, answered on the managed executor: many deadlines at once run in parallel
        long remainingMs = Math.max(1, (deadlineNanos - System.nanoTime() + 999_999) / 1_000_000);
        vertx.setTimer(remainingMs, id -> executor.execute(() -> {
            if (state.compareAndSet(PENDING, RULES_DECIDED)) {
                metrics.deadlineMissed(task.type());
                result.complete(publish(byRules(task, FallbackReason.TIMEOUT, startNanos, 0, 0), heard));
            }
        }));
        call.whenComplete((answer, failure) -> {
            if (caller.desk()) {
                tally(task, answer, failure);
            }
            if (answer != null) {
                AnalysisEnvelope<R> envelope = envelope(task, answer, elapsedMs(startNanos), signalMs[0]);
                if (caller.storeAnswer()) {
                    cache.put(key, envelope);
                }
                if (state.compareAndSet(PENDING, MODEL_DECIDED)) {
                    // a decision the stream could not report early (e.g. a non-streaming reply): it is known now
                    tell(envelope, heard, sent(task));
                }
                if (state.get() == MODEL_DECIDED) {
                    result.complete(publish(envelope, AnalysisListener.NONE));
                }
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (state.compareAndSet(PENDING, RULES_DECIDED) || state.get() == MODEL_DECIDED) {
                result.complete(publish(fallback(task, cause, startNanos), heard));
            }
        });
        return result;
    }

    /** The model in use on the desk's question, for the arena beside the shadow model. */
    private <R> void tally(AnalysisTask<R> task, ModelAnswer<R> answer, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (answer != null) {
            arena.primaryAnswered(task.type(), answer);
        } else if (cause instanceof InvalidModelOutputException invalid) {
            arena.primaryInvalid(task.type(), invalid);
        } else {
            arena.primarySkipped(task.type(), cause instanceof CallDroppedException ? "dropped" : "failed");
        }
    }

    private <R> AnalysisEnvelope<R> fallback(AnalysisTask<R> task, Throwable cause, long startNanos) {
        if (cause instanceof CircuitBreakerOpenException) {
            return byRules(task, FallbackReason.CIRCUIT_OPEN, startNanos, 0, 0);
        }
        if (cause instanceof CallDroppedException) {
            return byRules(task, FallbackReason.TIMEOUT, startNanos, 0, 0);
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
        long ms = elapsedMs(startNanos);
        return new AnalysisEnvelope<>(task.type(), result, AnalysisSource.RULES, AnalysisEnvelope.RULES_MODEL,
                ms, promptTokens, completionTokens, reason, false, Instant.now(), ms, false);
    }

    private static <R> AnalysisEnvelope<R> envelope(AnalysisTask<R> task, ModelAnswer<R> answer, long latencyMs,
            long signalMs) {
        return new AnalysisEnvelope<>(task.type(), answer.result(), AnalysisSource.AI, answer.model(), latencyMs,
                answer.promptTokens(), answer.completionTokens(), null, answer.reprompted(), Instant.now(),
                signalMs < 0 ? latencyMs : signalMs, answer.reasonCut());
    }

    /** An answer known all at once (rules, cache): its decision, then its whole reason. */
    private <R> void tell(AnalysisEnvelope<R> envelope, AnalysisListener heard, PromptSent prompt) {
        JsonNode result = mapper.valueToTree(envelope.result());
        ObjectNode decision = mapper.createObjectNode();
        AnswerSchema.decisionFields(envelope.type()).forEach(field -> decision.set(field, result.get(field)));
        if (envelope.source() != AnalysisSource.AI) {
            metrics.decided(envelope.type(), envelope.source(), envelope.signalMs());
        }
        heard.signal(new AnalysisSignal(envelope.type(), decision, envelope.source(), envelope.model(),
                envelope.fallbackReason(), envelope.signalMs(), prompt));
        heard.reason(result.path(AnswerSchema.REASON).asText(""));
    }

    private <R> AnalysisEnvelope<R> publish(AnalysisEnvelope<R> envelope, AnalysisListener heard) {
        if (envelope.source() == AnalysisSource.RULES) {
            tell(envelope, heard, null);
        }
        metrics.answered(envelope);
        rates.answered(envelope.source(), envelope.fallbackReason());
        published.fire(new AnalysisPublished(envelope));
        return envelope;
    }

    /** The caller's listener, and /ws/analysis through CDI events. */
    private AnalysisListener broadcasting(AnalysisTask<?> task, AnalysisListener listener) {
        return new AnalysisListener() {
            @Override
            public void signal(AnalysisSignal signal) {
                listener.signal(signal);
                progress.fire(new AnalysisProgress(task.type(), signal, null));
            }

            @Override
            public void reason(String added) {
                if (!added.isEmpty()) {
                    listener.reason(added);
                    progress.fire(new AnalysisProgress(task.type(), null, added));
                }
            }
        };
    }

    /** The prompt a model answer to {@code task} answered, as sent (the system message, with the lessons in it now). */
    private PromptSent sent(AnalysisTask<?> task) {
        SystemPrompt.Lessons lessons = system.lessons();
        return new PromptSent(system.text(), task.question(), lessons.version());
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
