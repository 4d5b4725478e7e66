package io.signaldesk.analyzer.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisEnvelope;

/** Model answers by cache key (type + model + quantised market state), each kept for the configured TTL. */
@ApplicationScoped
public class AnalysisCache {

    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(AnalysisEnvelope<?> envelope, long expiresAtNanos) {
    }

    public AnalysisCache(AnalyzerConfig config) {
        this.ttl = config.cache().ttl();
    }

    @SuppressWarnings("unchecked") // the key starts with the analysis type, which fixes the result type
    public <R> Optional<AnalysisEnvelope<R>> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.expiresAtNanos() - System.nanoTime() <= 0) {
            return Optional.empty();
        }
        return Optional.of((AnalysisEnvelope<R>) entry.envelope());
    }

    public void put(String key, AnalysisEnvelope<?> envelope) {
        long now = System.nanoTime();
        entries.values().removeIf(e -> e.expiresAtNanos() - now <= 0);
        entries.put(key, new Entry(envelope, now + ttl.toNanos()));
    }

    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
