package io.signaldesk.analyzer.domain;

/** The four analyses. */
public enum AnalysisType {
    SENTIMENT, ENTRY, EXIT, RISK
}
