package io.signaldesk.analyzer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AnalyzerMetersTest {

    @Test
    void theModelCallP95IsMicrometersPercentileOfTheRecordedCalls() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AnalyzerMeters meters = new AnalyzerMeters(registry);
        assertEquals(0.0, meters.modelCallP95Ms());
        for (int ms = 1; ms <= 100; ms++) {
            meters.modelCall(ms * 10L);
        }
        double p95 = meters.modelCallP95Ms();
        assertTrue(p95 >= 900 && p95 <= 1000, "p95 of 10..1000 ms: " + p95);
        assertEquals(100, registry.get("analyzer.model.calls").timer().count());
    }
}
