package io.signaldesk.decision.domain;

/** How the AI's answer combines with the rules in HYBRID mode. */
public enum Policy {
    ADVISORY, VETO, AGREE
}
