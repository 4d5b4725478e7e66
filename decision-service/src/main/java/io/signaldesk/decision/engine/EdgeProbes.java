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
 * The probes' state ({@link EdgeService#probeDue}, {@link EdgeService#probed}): when each model setup (coin, source,
 * direction) was last probed in market time, and what came of the probes: asked, answered, turned into calls, not
 * answered by the analyzer's status, scored per setup. Not thread-safe: {@link EdgeService} holds its lock around it.
 */
final class EdgeProbes {

    private final StrategySettings.Edge config;
    private final EdgeStore store;
    /** Written through to the ledger (edge_probe), read back at the first use: a restart keeps each setup's pace. */
    private final Map<ProbedSetup, Instant> lastProbe = new HashMap<>();
    /** Scored probes per setup (in the ledger: edge_outcome.origin PROBE). */
    private final Map<SetupKey, Long> scored = new HashMap<>();
    private final Map<String, Long> notAnswered = new TreeMap<>();
    private long asked;
    private long answered;
    private long called;

    EdgeProbes(StrategySettings.Edge config, EdgeStore store) {
        this.config = config;
        this.store = store;
    }

    /** Whether the setup is due a probe at {@code now}: probes on, and none within strategy.edge.probe-every; counted as asked. */
    boolean due(String coin, String source, Direction direction, Instant now) {
        if (!config.probes()) {
            return false;
        }
        ProbedSetup key = new ProbedSetup(coin, source, direction.name());
        Instant last = lastProbe.get(key);
        if (last != null && now.isBefore(last.plus(config.probeEvery()))) {
            return false;
        }
        lastProbe.put(key, now);
        store.probed(key, now);
        asked++;
        return true;
    }

    /** A probe's answer came back with the analyzer's {@code status}: true when ANSWERED (else counted by status). */
    boolean answered(String status) {
        if (!"ANSWERED".equals(status)) {
            notAnswered.merge(status == null ? "UNREACHABLE" : status, 1L, Long::sum);
            return false;
        }
        answered++;
        return true;
    }

    /** An answered probe the engine would have called: kept for scoring. */
    void called() {
        called++;
    }

    /** A probe's call on {@code setup} was scored. */
    void scored(SetupKey setup) {
        scored.merge(setup, 1L, Long::sum);
    }

    /** The scored probes and the last probe of each setup the ledger holds, read once at the first use. */
    void loaded(Map<SetupKey, Long> scoredInLedger, Map<ProbedSetup, Instant> probedInLedger) {
        scored.putAll(scoredInLedger);
        lastProbe.putAll(probedInLedger);
    }

    /** Forgets when setups were probed and the scored probes (the track record is cleared); the counts stay. */
    void clear() {
        lastProbe.clear();
        scored.clear();
    }

    /**
     * The probes: the interval (null: off), asked, answered, called, not answered by status, and per setup (its label)
     * the scored probes and whether it is probed now: a model setup measured without edge under gate.
     */
    Map<String, Object> status(Map<String, EdgeEstimate> estimates) {
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
        out.put("asked", asked);
        out.put("answered", answered);
        out.put("called", called);
        out.put("notAnswered", Map.copyOf(notAnswered));
        out.put("scored", scored.values().stream().mapToLong(Long::longValue).sum());
        out.put("bySetup", bySetup);
        return out;
    }
}
