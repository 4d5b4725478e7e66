package io.signaldesk.analyzer.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.analyzer.ai.ModelExchange;
import io.signaldesk.analyzer.domain.AiMetrics;
import io.signaldesk.analyzer.domain.AnalysisEnvelope;
import io.signaldesk.analyzer.domain.AnalysisSource;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.core.decision.FallbackReason;

/** Token accounting (the product's AIMetrics), total and per session, mirrored to Micrometer by {@link AnalyzerMeters}. */
@ApplicationScoped
public class AiMetricsService {

    private final AnalyzerMeters meters;
    private final CallTally total = new CallTally();
    private final AtomicReference<CallTally> session = new AtomicReference<>(new CallTally());
    private final Map<FallbackReason, AtomicLong> fallbacks = new EnumMap<>(FallbackReason.class);
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong cacheMisses = new AtomicLong();
    private final AtomicLong deadlineMisses = new AtomicLong();
    private final Map<AnalysisSource, AtomicLong> answers = new EnumMap<>(AnalysisSource.class);
    private final AtomicReference<String> model = new AtomicReference<>("");

    public AiMetricsService(AnalyzerMeters meters) {
        this.meters = meters;
        for (FallbackReason reason : FallbackReason.analyzerReasons()) {
            fallbacks.put(reason, new AtomicLong());
        }
        for (AnalysisSource source : AnalysisSource.values()) {
            answers.put(source, new AtomicLong());
        }
        meters.tokensPerSecond(total::tokensPerSecond);
    }

    /** One model call, whole or cut before Ollama's account ({@link ModelExchange#cut()}). */
    public void modelCall(ModelExchange exchange, AnalysisType type) {
        if (exchange.cut()) {
            meters.cutTokens(type, exchange.promptTokens(), exchange.completionTokens());
        } else {
            meters.tokens(type, exchange.promptTokens(), exchange.completionTokens());
        }
        total.add(exchange);
        session.get().add(exchange);
        meters.modelCall(exchange.durationMs());
    }

    public void modelCallFailed() {
        failedCalls.incrementAndGet();
    }

    public void modelInUse(String name) {
        model.set(name);
        meters.modelInUse(name);
    }

    public void decided(AnalysisType type, AnalysisSource source, long ms) {
        meters.timeToSignal(type, source, ms);
    }

    public void answered(AnalysisEnvelope<?> envelope) {
        meters.analysis(envelope.type(), envelope.source(), envelope.latencyMs());
        answers.get(envelope.source()).incrementAndGet();
        if (envelope.fallbackReason() != null) {
            fallbacks.get(envelope.fallbackReason()).incrementAndGet();
            meters.fallback(envelope.type(), envelope.fallbackReason());
        }
    }

    public void cacheHit(AnalysisType type) {
        cacheHits.incrementAndGet();
        meters.cacheHit(type);
    }

    public void cacheMiss(AnalysisType type) {
        cacheMisses.incrementAndGet();
        meters.cacheMiss(type);
    }

    public void deadlineMissed(AnalysisType type) {
        deadlineMisses.incrementAndGet();
        meters.deadlineMiss(type);
    }

    public void resetSession() {
        session.set(new CallTally());
    }

    public AiMetrics snapshot() {
        CallTally current = session.get();
        long hits = cacheHits.get();
        long lookups = hits + cacheMisses.get();
        Map<FallbackReason, Long> fallbackCounts = new EnumMap<>(FallbackReason.class);
        fallbacks.forEach((reason, count) -> fallbackCounts.put(reason, count.get()));
        return new AiMetrics(total.tokens(), total.calls(), round(total.avgDurationMs()), model.get(),
                current.tokens(), current.calls(), total.promptTokens(), total.completionTokens(),
                current.promptTokens(), current.completionTokens(), round(current.avgDurationMs()), round(meters.modelCallP95Ms()),
                round(total.tokensPerSecond()), failedCalls.get(), fallbackCounts, hits, cacheMisses.get(),
                lookups == 0 ? 0.0 : round((double) hits / lookups), deadlineMisses.get(), current.startedAt(),
                answers.get(AnalysisSource.AI).get(), answers.get(AnalysisSource.CACHE).get(),
                answers.get(AnalysisSource.RULES).get(), total.cutCalls(), total.cutPromptTokens(),
                total.cutCompletionTokens());
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
