package io.signaldesk.analyzer.domain;

/** How the analyzer answers: model first or rules only. */
public enum AiMode {
    AI, RULES
}
