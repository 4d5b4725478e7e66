package io.signaldesk.analyzer.rest;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.common.error.ApiError;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Rate limit of outside callers on the analyses ({@code POST /api/analysis/*}, counted once the body is valid:
 * {@link OutsideLimited}): each client (remote address) may ask
 * {@code analyzer.outside.per-minute} a minute after a burst of {@code analyzer.outside.burst}; past it 429 with a JSON
 * body and Retry-After (seconds). The desk (X-Engine-Key) is never limited; without a desk key nobody is (see
 * {@link Callers}).
 */
@ApplicationScoped
public class OutsideCallerLimit {

    private static final String ANALYSES = "/api/analysis/";
    private static final Logger LOG = Logger.getLogger(OutsideCallerLimit.class);

    private final Callers callers;
    private final AnalyzerConfig.Outside config;
    private final MeterRegistry registry;
    private final double perNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastWrongKeyWarning = new AtomicLong();

    public OutsideCallerLimit(Callers callers, AnalyzerConfig config, MeterRegistry registry) {
        this.callers = callers;
        this.config = config.outside();
        this.registry = registry;
        this.perNano = this.config.perMinute() / 60e9;
        registry.counter("analyzer.outside.limited");
    }

    /**
     * The 429 for {@code http} when it is an outside caller's analysis past its limit, else null (its turn taken). Asked
     * by {@link OutsideLimitInterceptor} once the body is valid.
     */
    public Response limit(HttpServerRequest http) {
        String presented = http.getHeader(Callers.ENGINE_HEADER);
        if (http.method() != HttpMethod.POST || !http.path().startsWith(ANALYSES) || !callers.lanes()
                || callers.isDesk(presented)) {
            return null;
        }
        if (presented != null) {
            wrongKey(http);
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long waitNanos = take(client, System.nanoTime());
        if (waitNanos == 0) {
            return null;
        }
        registry.counter("analyzer.outside.limited").increment();
        long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return Response.status(429).header("Retry-After", retryAfter)
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("too many analyses from " + client + ": outside callers may ask " + config.perMinute()
                        + " a minute (bursts of " + config.burst() + "); retry in " + retryAfter + " s", null))
                .build();
    }

    /** A wrong X-Engine-Key is most likely a decision service with another key: said at most once a minute. */
    private void wrongKey(HttpServerRequest http) {
        long now = System.nanoTime();
        long last = lastWrongKeyWarning.get();
        if ((last == 0 || now - last > 60_000_000_000L) && lastWrongKeyWarning.compareAndSet(last, now)) {
            LOG.warnf("%s presents a wrong X-Engine-Key: served as an outside caller (rate-limited, behind the desk). "
                    + "Set the same SIGNAL_ENGINE_KEY on the analyzer and the decision service.",
                    http.remoteAddress() == null ? "a caller" : http.remoteAddress().hostAddress());
        }
    }

    /** Takes one token for {@code client}; 0 when granted, else how long until the next token. */
    long take(String client, long now) {
        if (buckets.size() >= config.maxClients() && !buckets.containsKey(client)) {
            forgetIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(config.burst(), now));
        synchronized (bucket) {
            bucket.tokens = Math.min(config.burst(), bucket.tokens + (now - bucket.at) * perNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perNano);
        }
    }

    /** Forgets the buckets that have refilled (their clients are idle), else the fullest half. */
    private synchronized void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> e.getValue().tokens + (now - e.getValue().at) * perNano >= config.burst());
        if (buckets.size() >= config.maxClients()) {
            buckets.entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Bucket> e) -> -e.getValue().tokens))
                    .limit(buckets.size() / 2).map(Map.Entry::getKey).toList().forEach(buckets::remove);
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
