package io.signaldesk.decision.domain;

/** Whether a proposal opens or closes a position. */
public enum ProposalKind {
    ENTRY, EXIT
}
