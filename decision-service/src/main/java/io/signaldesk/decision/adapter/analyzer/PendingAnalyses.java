package io.signaldesk.decision.adapter.analyzer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.SignalEvent;

/**
 * The analyses this service asked over Kafka and not yet fully heard: each waits for its signal until its deadline,
 * then for its reason a while longer. A request given up at its deadline is remembered for a while, so an answer
 * that comes after it is counted as late ({@code decision.analyzer.kafka.late}) and ignored.
 */
@ApplicationScoped
public class PendingAnalyses {

    /** The decision of an answer and the analyzer instance that gave it. */
    public record Heard(SignalEvent signal, String analyzer) {
    }

    /** One open request: its decision, its reason (null when it never came), when it is forgotten. */
    public record Pending(CompletableFuture<Heard> signal, CompletableFuture<String> reason, Instant forgetAt) {
    }

    /** What an incoming answer record was to this service. */
    public enum Match {
        /** An answer to an open request. */
        OPEN,
        /** An answer to a request given up at its deadline. */
        LATE,
        /** Not asked by this service (another decision service's, or older than its memory). */
        UNKNOWN
    }

    /** How long after a deadline the reason is still awaited, and a late answer still recognised. */
    static final Duration REASON_WAIT = Duration.ofSeconds(60);
    static final String LATE = "decision.analyzer.kafka.late";
    private static final int MAX_REMEMBERED = 10_000;

    private record GivenUp(Instant until, boolean counted) {
    }

    private final Map<String, Pending> open = new ConcurrentHashMap<>();
    private final Map<String, GivenUp> givenUp = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final Counter late;

    PendingAnalyses(MeterRegistry registry) {
        this.late = registry.counter(LATE);
    }

    public Pending open(String requestId, Instant deadline, CompletableFuture<String> reason) {
        sweep();
        Pending pending = new Pending(new CompletableFuture<>(), reason, deadline.plus(REASON_WAIT));
        open.put(requestId, pending);
        return pending;
    }

    /** The request's deadline passed without a decision: it is closed, and what comes for it later is late. */
    public void giveUp(String requestId) {
        Pending pending = open.remove(requestId);
        if (pending != null) {
            pending.reason().complete(null);
            if (givenUp.size() < MAX_REMEMBERED) {
                givenUp.put(requestId, new GivenUp(clock.instant().plus(REASON_WAIT), false));
            }
        }
    }

    /** The decision arrived (a signal record, or a done record without one before it). */
    public Match decided(String requestId, Heard heard) {
        Pending pending = open.get(requestId);
        if (pending != null) {
            pending.signal().complete(heard);
            return Match.OPEN;
        }
        return lateOrUnknown(requestId, false);
    }

    /** The whole answer arrived: its reason completes the request. */
    public Match done(String requestId, Heard heard, String reason) {
        Pending pending = open.remove(requestId);
        if (pending != null) {
            pending.signal().complete(heard);
            pending.reason().complete(reason);
            return Match.OPEN;
        }
        return lateOrUnknown(requestId, true);
    }

    /** Requests waiting for their decision or reason now. */
    public int openCount() {
        return open.size();
    }

    private Match lateOrUnknown(String requestId, boolean last) {
        GivenUp memory = last ? givenUp.remove(requestId) : givenUp.get(requestId);
        if (memory == null) {
            return Match.UNKNOWN;
        }
        if (!memory.counted()) {
            // counted once per request, on its first record after the deadline
            late.increment();
            if (!last) {
                givenUp.put(requestId, new GivenUp(memory.until(), true));
            }
        }
        return Match.LATE;
    }

    private void sweep() {
        Instant now = clock.instant();
        open.entrySet().removeIf(entry -> {
            if (entry.getValue().forgetAt().isBefore(now)) {
                entry.getValue().reason().complete(null);
                return true;
            }
            return false;
        });
        givenUp.entrySet().removeIf(entry -> entry.getValue().until().isBefore(now));
    }
}
