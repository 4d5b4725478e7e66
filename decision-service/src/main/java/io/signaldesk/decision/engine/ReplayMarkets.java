package io.signaldesk.decision.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.signaldesk.decision.engine.port.FeedIdentity;

/**
 * The replay runs' markets a per-market state keeps in memory: every replay run is a market of its own
 * ({@code replay#<run>}), so a state kept per market would grow by one market a run for as long as the service runs. The
 * latest {@link #KEPT} replay markets used are kept; a venue's or the simulator's market (a handful) is always kept. Not
 * thread-safe: its owner's lock guards it.
 */
final class ReplayMarkets {

    static final int KEPT = 4;

    private final Map<String, Boolean> used = new LinkedHashMap<>(8, 0.75f, true);

    /** {@code market} is used now: the replay market this pushes out of the latest {@link #KEPT}, if any, to forget. */
    Optional<String> use(String market) {
        if (!FeedIdentity.isReplay(market)) {
            return Optional.empty();
        }
        used.put(market, Boolean.TRUE);
        if (used.size() <= KEPT) {
            return Optional.empty();
        }
        Iterator<String> eldest = used.keySet().iterator();
        String out = eldest.next();
        eldest.remove();
        return Optional.of(out);
    }

    void clear() {
        used.clear();
    }
}
