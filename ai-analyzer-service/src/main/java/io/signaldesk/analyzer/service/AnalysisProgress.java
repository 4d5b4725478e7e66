package io.signaldesk.analyzer.service;

import io.signaldesk.analyzer.domain.AnalysisSignal;
import io.signaldesk.analyzer.domain.AnalysisType;

/** CDI event for /ws/analysis: a decision just known ({@code signal} set) or reason text added ({@code reason} set). */
public record AnalysisProgress(AnalysisType type, AnalysisSignal signal, String reason) {
}
