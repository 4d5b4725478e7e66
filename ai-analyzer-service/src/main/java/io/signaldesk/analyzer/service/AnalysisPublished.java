package io.signaldesk.analyzer.service;

import io.signaldesk.analyzer.domain.AnalysisEnvelope;

/** CDI event fired for every new analysis (not for cache hits), pushed on /ws/analysis. */
public record AnalysisPublished(AnalysisEnvelope<?> envelope) {
}
