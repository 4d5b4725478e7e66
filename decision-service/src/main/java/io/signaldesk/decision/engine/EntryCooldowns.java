package io.signaldesk.decision.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.signaldesk.decision.engine.port.CooldownStore;

/**
 * Each coin's entry cooldown: after an entry decision the engine proposes no other entry in that coin for
 * {@code strategy.entry-cooldown}. Kept in memory and written to the ledger first (a failed write starts no cooldown
 * and fails the evaluation, as any ledger write of the engine does); loaded from the ledger on first use, so a
 * restart, even after a kill -9, keeps the cooldowns that were running.
 */
final class EntryCooldowns {

    private final CooldownStore store;
    private final Duration length;
    private Map<String, Instant> decided;

    EntryCooldowns(CooldownStore store, Duration length) {
        this.store = store;
        this.length = length;
    }

    /** When {@code coin}'s cooldown ends, if it still runs at {@code now}. */
    synchronized Optional<Instant> runningUntil(String coin, Instant now) {
        Instant last = decided().get(coin);
        if (last == null) {
            return Optional.empty();
        }
        Instant until = last.plus(length);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** Starts {@code coin}'s cooldown at {@code at}: the ledger first, then memory. */
    synchronized void start(String coin, Instant at) {
        Map<String, Instant> kept = decided();
        store.entryDecided(coin, at);
        kept.put(coin, at);
    }

    /** Forgets every cooldown, in the ledger too. */
    synchronized void clear() {
        store.clear();
        decided = new HashMap<>();
    }

    private Map<String, Instant> decided() {
        if (decided == null) {
            decided = new HashMap<>(store.entryDecisions());
        }
        return decided;
    }
}
