package io.signaldesk.analyzer.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.signaldesk.analyzer.domain.AnalysisSource;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.core.decision.FallbackReason;

/**
 * The analyzer's meters. Token usage keeps the OpenTelemetry GenAI name (gen_ai.client.token.usage, tagged
 * gen_ai.token.type input/output) that the dashboards read: the analyzer calls Ollama itself, so nothing else
 * records it.
 */
@ApplicationScoped
public class AnalyzerMeters {

    /** How far back {@link #modelCallP95Ms()} looks: Micrometer's decaying window, rotated in three steps. */
    static final Duration P95_WINDOW = Duration.ofMinutes(10);

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> modelInfo = new ConcurrentHashMap<>();
    private final Timer modelCalls;

    public AnalyzerMeters(MeterRegistry registry) {
        this.registry = registry;
        this.modelCalls = Timer.builder("analyzer.model.calls").description("Model time of one Ollama call, as Ollama reports it")
                .publishPercentiles(0.95).percentilePrecision(2).distributionStatisticExpiry(P95_WINDOW)
                .register(registry);
        // Registered at zero so dashboards and alert rules see 0 rather than "no data" before the first event.
        for (AnalysisType type : AnalysisType.values()) {
            registry.counter("analyzer.deadline.misses", "type", type.name());
            registry.counter("analyzer.cache.hits", "type", type.name());
            registry.counter("analyzer.cache.misses", "type", type.name());
            registry.counter("analyzer.queue.coalesced", "type", type.name());
            registry.counter("analyzer.model.cut.at.limit", "type", type.name());
            registry.counter("analyzer.model.cut.calls", "type", type.name());
            for (String counted : CUT_TOKENS) {
                registry.counter("analyzer.model.cut.tokens", "type", type.name(), "counted", counted);
            }
            for (String why : new String[] {"stale", "late", "requeued", "reason-cut"}) {
                registry.counter("analyzer.queue.dropped", "type", type.name(), "why", why);
            }
            queueWaitTimer(type);
            for (AnalysisSource source : AnalysisSource.values()) {
                timeToSignalTimer(type, source);
                registry.counter("analyzer.analyses", "type", type.name(), "source", source.name());
                latencyTimer(type, source);
            }
            for (FallbackReason reason : FallbackReason.analyzerReasons()) {
                registry.counter("analyzer.fallbacks", "type", type.name(), "reason", reason.name());
            }
        }
        for (String tokenType : new String[] {"input", "output"}) {
            registry.counter("gen_ai.client.token.usage", "gen_ai.token.type", tokenType, "gen_ai.system", "ollama");
        }
    }

    void modelCall(long durationMs) {
        modelCalls.record(Duration.ofMillis(durationMs));
    }

    /** The 95th percentile of the model calls of the last {@link #P95_WINDOW} (0 before the first). */
    double modelCallP95Ms() {
        for (ValueAtPercentile value : modelCalls.takeSnapshot().percentileValues()) {
            if (value.percentile() == 0.95) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        return 0.0;
    }

    void coalesced(AnalysisType type) {
        if (type != null) {
            registry.counter("analyzer.queue.coalesced", "type", type.name()).increment();
        }
    }

    void dropped(AnalysisType type, String why) {
        if (type != null) {
            registry.counter("analyzer.queue.dropped", "type", type.name(), "why", why).increment();
        }
    }

    void cutAtLimit(AnalysisType type) {
        registry.counter("analyzer.model.cut.at.limit", "type", type.name()).increment();
    }

    void queueWait(AnalysisType type, long nanos) {
        if (type != null) {
            queueWaitTimer(type).record(Duration.ofNanos(nanos));
        }
    }

    void timeToSignal(AnalysisType type, AnalysisSource source, long ms) {
        timeToSignalTimer(type, source).record(Duration.ofMillis(ms));
    }

    private Timer queueWaitTimer(AnalysisType type) {
        return Timer.builder("analyzer.queue.wait").description("Time a model call waited for the model (one at a time)")
                .tags("type", type.name()).publishPercentileHistogram().register(registry);
    }

    private Timer timeToSignalTimer(AnalysisType type, AnalysisSource source) {
        return Timer.builder("analyzer.time.to.signal").description("Time from the request to a usable decision")
                .tags("type", type.name(), "source", source.name()).publishPercentileHistogram().register(registry);
    }

    void tokens(AnalysisType type, int evaluated, int output) {
        registry.counter("gen_ai.client.token.usage", "gen_ai.token.type", "input", "gen_ai.system", "ollama").increment(evaluated);
        registry.counter("gen_ai.client.token.usage", "gen_ai.token.type", "output", "gen_ai.system", "ollama").increment(output);
        if (type != null) {
            registry.summary("analyzer.tokens.evaluated", "type", type.name()).record(evaluated);
            registry.summary("analyzer.tokens.output", "type", type.name()).record(output);
        }
    }

    /** How the tokens of a call cut before Ollama's account are known: its prompt estimated, its output streamed. */
    private static final String[] CUT_TOKENS = {"input-estimated", "output-streamed"};

    /**
     * A call cut before Ollama's final account: its tokens go into gen_ai.client.token.usage (the model read and wrote
     * them) and into analyzer.model.cut.tokens, which says how each is known; the per-answer summaries
     * (analyzer.tokens.evaluated / .output) stay those of whole answers.
     */
    void cutTokens(AnalysisType type, int estimatedPrompt, int streamedOutput) {
        registry.counter("gen_ai.client.token.usage", "gen_ai.token.type", "input", "gen_ai.system", "ollama").increment(estimatedPrompt);
        registry.counter("gen_ai.client.token.usage", "gen_ai.token.type", "output", "gen_ai.system", "ollama").increment(streamedOutput);
        if (type != null) {
            registry.counter("analyzer.model.cut.calls", "type", type.name()).increment();
            registry.counter("analyzer.model.cut.tokens", "type", type.name(), "counted", CUT_TOKENS[0]).increment(estimatedPrompt);
            registry.counter("analyzer.model.cut.tokens", "type", type.name(), "counted", CUT_TOKENS[1]).increment(streamedOutput);
        }
    }

    void analysis(AnalysisType type, AnalysisSource source, long latencyMs) {
        String[] tags = {"type", type.name(), "source", source.name()};
        registry.counter("analyzer.analyses", tags).increment();
        latencyTimer(type, source).record(Duration.ofMillis(latencyMs));
    }

    private Timer latencyTimer(AnalysisType type, AnalysisSource source) {
        return Timer.builder("analyzer.latency").description("Time to answer an analysis, model or fallback")
                .tags("type", type.name(), "source", source.name()).publishPercentileHistogram().register(registry);
    }

    void fallback(AnalysisType type, FallbackReason reason) {
        registry.counter("analyzer.fallbacks", "type", type.name(), "reason", reason.name()).increment();
    }

    void cacheHit(AnalysisType type) {
        registry.counter("analyzer.cache.hits", "type", type.name()).increment();
    }

    void cacheMiss(AnalysisType type) {
        registry.counter("analyzer.cache.misses", "type", type.name()).increment();
    }

    void deadlineMiss(AnalysisType type) {
        registry.counter("analyzer.deadline.misses", "type", type.name()).increment();
    }

    void tokensPerSecond(DoubleSupplier rate) {
        Gauge.builder("analyzer.tokens.per.second", rate, DoubleSupplier::getAsDouble).description("Completion tokens per second of model time")
                .strongReference(true).register(registry);
    }

    /** analyzer.model.info{model} is 1 for the model in use, 0 for models used before. */
    void modelInUse(String model) {
        modelInfo.values().forEach(flag -> flag.set(0));
        modelInfo.computeIfAbsent(model, name -> registry.gauge("analyzer.model.info",
                Tags.of("model", name), new AtomicInteger())).set(1);
    }
}
