package io.signaldesk.decision.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.signaldesk.core.edge.EdgeEstimate;
import io.signaldesk.core.edge.SetupKey;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.engine.port.EdgeStore;
import io.signaldesk.decision.engine.port.EdgeStore.ProbedSetup;

/**
 * The probes' state ({@link EdgeService#probeDue}, {@link EdgeService#probed}), per market ({@code FeedIdentity.market})
 * as the track record is: when each model setup (coin, source, direction) was last probed in that market's time, and
 * what came of the probes: asked, answered, turned into calls, not answered by the analyzer's status, scored per setup.
 * A probe on the simulator never holds back one on a venue, and a replay's market time (months back) is never compared
 * with a live probe's; the latest {@link ReplayMarkets#KEPT} replay runs' markets are kept (each run is a market of its
 * own). Not thread-safe: {@link EdgeService} holds its lock around it.
 */
final class EdgeProbes {

    /** One market's probes since the start (asked, answered, called, not answered) and scored (from the ledger too). */
    private static final class Counts {
        final Map<SetupKey, Long> scored = new HashMap<>();
        final Map<String, Long> notAnswered = new TreeMap<>();
        long asked;
        long answered;
        long called;
    }

    private final StrategySettings.Edge config;
    private final EdgeStore store;
    /** Written through to the ledger (edge_probe), read back at the first use: a restart keeps each setup's pace. */
    private final Map<ProbedSetup, Instant> lastProbe = new HashMap<>();
    /** Per market; scored probes in the ledger: edge_outcome.origin PROBE with its market. */
    private final Map<String, Counts> counts = new HashMap<>();
    private final ReplayMarkets replays = new ReplayMarkets();

    EdgeProbes(StrategySettings.Edge config, EdgeStore store) {
        this.config = config;
        this.store = store;
    }

    /**
     * Whether the setup is due a probe on {@code market} at {@code now} (that market's time): probes on, and none on that
     * market within strategy.edge.probe-every; counted as asked.
     */
    boolean due(String coin, String source, Direction direction, String market, Instant now) {
        if (!config.probes()) {
            return false;
        }
        ProbedSetup key = new ProbedSetup(coin, source, direction.name(), market);
        Instant last = lastProbe.get(key);
        if (last != null && now.isBefore(last.plus(config.probeEvery()))) {
            return false;
        }
        lastProbe.put(key, now);
        store.probed(key, now);
        counts(market).asked++;
        return true;
    }

    /**
     * A probe's answer on {@code market} came back with the analyzer's {@code status}: true when ANSWERED (else counted
     * by status).
     */
    boolean answered(String market, String status) {
        Counts on = counts(market);
        if (!"ANSWERED".equals(status)) {
            on.notAnswered.merge(status == null ? "UNREACHABLE" : status, 1L, Long::sum);
            return false;
        }
        on.answered++;
        return true;
    }

    /** An answered probe on {@code market} the engine would have called: kept for scoring. */
    void called(String market) {
        counts(market).called++;
    }

    /** A probe's call on {@code setup} was scored on {@code market}. */
    void scored(String market, SetupKey setup) {
        counts(market).scored.merge(setup, 1L, Long::sum);
    }

    /** The scored probes per market and the last probe of each setup on each market the ledger holds, read once. */
    void loaded(Map<String, Map<SetupKey, Long>> scoredInLedger, Map<ProbedSetup, Instant> probedInLedger) {
        scoredInLedger.forEach((market, bySetup) -> counts(market).scored.putAll(bySetup));
        probedInLedger.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(probed -> {
            counts(probed.getKey().market()); // kept as a market used, or another replay's forgotten
            lastProbe.put(probed.getKey(), probed.getValue());
        });
    }

    /** Forgets when setups were probed and the scored probes (the track record is cleared); the counts stay. */
    void clear() {
        lastProbe.clear();
        counts.values().forEach(c -> c.scored.clear());
    }

    private Counts counts(String market) {
        replays.use(market).ifPresent(gone -> {
            counts.remove(gone);
            lastProbe.keySet().removeIf(k -> gone.equals(k.market()));
        });
        return counts.computeIfAbsent(market, m -> new Counts());
    }

    /** The markets whose probes are kept in memory (tests). */
    java.util.Set<String> markets() {
        java.util.Set<String> out = new java.util.TreeSet<>(counts.keySet());
        lastProbe.keySet().forEach(k -> out.add(k.market()));
        return out;
    }

    /**
     * The probes on {@code market}: the interval (null: off), asked, answered, called, not answered by status, and per
     * setup (its label, {@code estimates} being that market's) the scored probes and whether it is probed now: a model
     * setup measured without edge under gate.
     */
    Map<String, Object> status(Map<String, EdgeEstimate> estimates, String market) {
        Counts on = counts.getOrDefault(market, new Counts());
        Map<SetupKey, Long> scored = on.scored;
        Map<String, Object> bySetup = new LinkedHashMap<>();
        for (EdgeEstimate e : estimates.values()) {
            long scoredOnSetup = scored.getOrDefault(e.setup(), 0L);
            boolean probed = config.probes() && EdgeService.MODEL_SOURCES.contains(e.setup().source()) && !e.proven()
                    && !e.cold();
            if (scoredOnSetup > 0 || probed) {
                bySetup.put(e.setup().label(), Map.of("probed", probed, "scored", scoredOnSetup));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("every", config.probes() ? SignalScoringService.label(config.probeEvery()) : null);
        out.put("asked", on.asked);
        out.put("answered", on.answered);
        out.put("called", on.called);
        out.put("notAnswered", Map.copyOf(on.notAnswered));
        out.put("scored", scored.values().stream().mapToLong(Long::longValue).sum());
        out.put("bySetup", bySetup);
        return out;
    }
}
