package io.signaldesk.analyzer.service;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.signaldesk.analyzer.domain.AnalysisEnvelope;

/**
 * Model answers by cache key (type + model + quantised market state), each kept for {@code analyzer.cache.ttl}: the
 * platform's cache "analysis" (quarkus-cache, Caffeine; expiry and size in application.properties). Used
 * programmatically, not through {@code @CacheResult}: a miss streams the model's answer against the caller's
 * deadline and falls back to rules, and only a model answer, even one arriving after the deadline, is stored.
 */
@ApplicationScoped
public class AnalysisCache {

    private final CaffeineCache cache;

    public AnalysisCache(@CacheName("analysis") Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    @SuppressWarnings("unchecked") // the key starts with the analysis type, which fixes the result type
    public <R> Optional<AnalysisEnvelope<R>> get(String key) {
        CompletableFuture<Object> entry = cache.getIfPresent(key);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of((AnalysisEnvelope<R>) entry.join());
    }

    public void put(String key, AnalysisEnvelope<?> envelope) {
        cache.put(key, CompletableFuture.completedFuture(envelope));
    }

    public void clear() {
        cache.invalidateAll().await().indefinitely();
    }

    public int size() {
        return cache.keySet().size();
    }
}
