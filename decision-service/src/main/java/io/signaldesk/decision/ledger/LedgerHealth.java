package io.signaldesk.decision.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.decision.config.DecisionConfig;

/**
 * Whether the ledger takes writes: the last failure (its {@link LedgerFault}, when, what the database said) until a
 * write succeeds again. Readiness check {@code ledger} is DOWN meanwhile; {@code /api/status} and the dashboard show it.
 */
@ApplicationScoped
public class LedgerHealth {

    /** A ledger failure in force: what, since when, the database's words (short). */
    public record Failure(LedgerFault fault, Instant since, String detail, long failedWrites) {
    }

    private static final Logger LOG = Logger.getLogger(LedgerHealth.class);

    private final Clock clock;
    private final Duration settle;
    private volatile Failure failure;
    private volatile Instant lastFailureAt;

    LedgerHealth(MeterRegistry registry, Clock clock, DecisionConfig config) {
        this.clock = clock;
        this.settle = config.db().retryEvery().multipliedBy(3);
        registry.gauge("decision.ledger.up", this, h -> h.failure == null ? 1 : 0);
    }

    /** A read or write failed; logged once per fault until the ledger works again. */
    synchronized void failed(Db.StorageException e) {
        Failure before = failure;
        lastFailureAt = clock.instant();
        String detail = shorten(rootMessage(e));
        failure = new Failure(e.fault(), before != null && before.fault() == e.fault() ? before.since() : clock.instant(),
                detail, before == null ? 1 : before.failedWrites() + 1);
        if (before == null || before.fault() != e.fault()) {
            LOG.errorf("ledger failure: %s (%s); changes are refused with 503 until it recovers", e.fault().text(),
                    detail);
        }
    }

    /**
     * A write committed. The ledger works again once writes commit and none failed for three retry periods: on a full
     * disk SQLite still commits a small write into a page it has while a larger one fails, which must not read as
     * recovered.
     */
    void succeeded() {
        if (failure == null) {
            return;
        }
        synchronized (this) {
            if (failure != null && clock.instant().isAfter(lastFailureAt.plus(settle))) {
                LOG.infof("ledger recovered after %s since %s", failure.fault().text(), failure.since());
                failure = null;
            }
        }
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** For /api/status: {"ok":true} or the fault, since when and the database's words. */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        Failure current = failure;
        out.put("ok", current == null);
        if (current != null) {
            out.put("fault", current.fault().code());
            out.put("error", current.fault().text());
            out.put("since", current.since().toString());
            out.put("detail", current.detail());
        }
        return out;
    }

    /** Readiness check {@code ledger} ({@link LedgerReadiness}): DOWN with the fault while writes fail. */
    public HealthCheckResponse check() {
        Failure current = failure;
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("ledger").status(current == null);
        if (current != null) {
            builder.withData("fault", current.fault().code()).withData("since", current.since().toString())
                    .withData("detail", current.detail());
        }
        return builder.build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
