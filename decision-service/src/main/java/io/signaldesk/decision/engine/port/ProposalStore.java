package io.signaldesk.decision.engine.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;

/** The ledger's proposals, as the engine keeps them: every change written through. */
public interface ProposalStore {

    /**
     * Stores {@code proposal} and the engine's {@code decided} (the decision that made it; null for none) in one
     * transaction: both are written or neither, so no proposal is left without its decision, nor the reverse.
     */
    void insert(Proposal proposal, Decision decided);

    Optional<Proposal> find(String id);

    /** The newest {@code limit} proposals of {@code status} (all statuses when null). */
    List<Proposal> list(ProposalStatus status, int limit);

    /** Moves one proposal from {@code from} to {@code to}; false when it was no longer {@code from}. */
    boolean transition(String id, ProposalStatus from, ProposalStatus to, Instant at);

    /** Expires the pending proposals whose time ran out by {@code now}; how many. */
    int expireDue(Instant now);

    long countByStatus(ProposalStatus status);
}
