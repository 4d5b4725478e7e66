package io.signaldesk.decision.adapter.analyzer;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The one place the retry, timeout and circuit-breaker policy for calls to the analyzer lives.
 * Values can be tuned with MicroProfile keys such as
 * {@code quarkus.fault-tolerance."io.signaldesk.decision.adapter.analyzer.AnalyzerGuard/call".timeout.value}.
 */
@ApplicationScoped
public class AnalyzerGuard {

    @Retry(maxRetries = 1, delay = 200, delayUnit = ChronoUnit.MILLIS, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1)
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    public <T> T call(Supplier<T> call) {
        return call.get();
    }
}
