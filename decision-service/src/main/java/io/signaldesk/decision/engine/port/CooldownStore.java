package io.signaldesk.decision.engine.port;

import java.time.Instant;
import java.util.Map;

/** When each coin's latest entry decision was taken, kept so that the entry cooldown survives a restart. */
public interface CooldownStore {

    /** Every coin's latest entry decision. */
    Map<String, Instant> entryDecisions();

    /** Records {@code coin}'s latest entry decision (replacing the one before). */
    void entryDecided(String coin, Instant at);

    /** Forgets every cooldown. */
    void clear();
}
