package io.signaldesk.analyzer.domain;

/** Why the rules answered instead of the model. */
public enum FallbackReason {
    TIMEOUT, MODEL_DOWN, INVALID_OUTPUT, CIRCUIT_OPEN, MODE_RULES
}
