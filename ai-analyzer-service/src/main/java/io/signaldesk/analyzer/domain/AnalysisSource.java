package io.signaldesk.analyzer.domain;

/** Who produced an answer. */
public enum AnalysisSource {
    AI, RULES, CACHE
}
