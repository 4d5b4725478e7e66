package io.signaldesk.decision.domain;

/** Decision mode of the engine, switchable at run time. */
public enum Mode {
    RULES, AI, HYBRID
}
