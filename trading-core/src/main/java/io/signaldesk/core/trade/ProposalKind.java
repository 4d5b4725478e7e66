package io.signaldesk.core.trade;

/** Whether a proposal (and its fill) opens or closes a position. */
public enum ProposalKind {
    ENTRY,
    EXIT
}
