package io.signaldesk.decision.domain;

/**
 * Life of a proposal: PENDING until confirmed, rejected or expired, or SUPERSEDED (a pending exit whose
 * position another exit, e.g. a stop-loss, closed first); or auto-executed, skipped or cancelled at once.
 */
public enum ProposalStatus {
    PENDING, CONFIRMED, REJECTED, EXPIRED, AUTO_EXECUTED, SKIPPED, CANCELLED, SUPERSEDED
}
