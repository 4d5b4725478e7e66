package io.signaldesk.decision.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A decision or a fill as an event for audit and other consumers (SIGNAL_TRANSPORT=kafka: topics signal.decisions
 * and signal.fills, keyed by coin). {@code eventId} is unique and stable: {@code fill-<proposal id>} (a proposal
 * fills once) or {@code decision-<uuid>}; a consumer that sees an id twice has seen one event.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEvent(String eventId, String type, String coin, Instant at, Decision decision, Fill fill) {

    public static LedgerEvent of(Decision decision) {
        return new LedgerEvent("decision-" + java.util.UUID.randomUUID(), "decision", decision.coin(), decision.at(),
                decision, null);
    }

    /** The fill of proposal {@code proposalId} (a proposal fills once: its id makes the event's). */
    public static LedgerEvent of(String proposalId, Fill fill) {
        return new LedgerEvent("fill-" + proposalId, "fill", fill.coin(), fill.at(), null, fill);
    }
}
