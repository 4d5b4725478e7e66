package io.signaldesk.decision.service;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.service.SignalScorer.Outcome;
import io.signaldesk.decision.service.SignalScorer.Stats;

/** Scores every recorded signal at each horizon once the price there is known, and reports hit rates. */
@ApplicationScoped
public class SignalScoringService {

    /** Accuracy at one horizon, overall and grouped. */
    @RegisterForReflection
    public record HorizonAccuracy(String horizon, Stats overall, Map<String, Stats> bySource,
            Map<String, Stats> byCoin, Map<String, Stats> byConfidence) {
    }

    /** The whole report served by GET /api/signals/accuracy. */
    @RegisterForReflection
    public record Accuracy(List<String> horizons, String flatBandPct, int pendingSignals,
            List<HorizonAccuracy> byHorizon) {
    }

    private record Pending(Signal signal, Duration horizon) {
    }

    private final MarketStateService market;
    private final DecisionConfig config;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private final Map<String, Double> hitRates = new ConcurrentHashMap<>();
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();

    SignalScoringService(MarketStateService market, DecisionConfig config, MeterRegistry registry) {
        this.market = market;
        this.config = config;
        this.registry = registry;
    }

    public synchronized void record(Signal signal) {
        for (Duration horizon : config.scoring().horizons()) {
            pending.addLast(new Pending(signal, horizon));
        }
    }

    /** Scores what has come due; signals whose horizon price fell out of the history are dropped. */
    public synchronized int scoreDue() {
        Instant now = clock.instant();
        Instant oldestKnown = now.minus(config.feed().historyWindow());
        int scored = 0;
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            Instant due = p.signal().at().plus(p.horizon());
            if (due.isAfter(now)) {
                continue;
            }
            Optional<java.math.BigDecimal> price = market.priceAtOrAfter(p.signal().coin(), due);
            if (price.isPresent()) {
                add(SignalScorer.score(p.signal(), p.horizon(), price.get(), config.scoring().flatBandPct()));
                it.remove();
                scored++;
            } else if (due.isBefore(oldestKnown)) {
                it.remove();
            }
        }
        if (scored > 0) {
            updateGauges();
        }
        return scored;
    }

    /** Adds a scored outcome directly (tests and replays). */
    public synchronized void add(Outcome outcome) {
        outcomes.addLast(outcome);
        while (outcomes.size() > config.scoring().keep()) {
            outcomes.removeFirst();
        }
    }

    public synchronized Accuracy accuracy() {
        List<HorizonAccuracy> byHorizon = new ArrayList<>();
        for (Duration horizon : config.scoring().horizons()) {
            List<Outcome> at = outcomes.stream().filter(o -> o.horizon().equals(horizon)).toList();
            byHorizon.add(new HorizonAccuracy(label(horizon), SignalScorer.stats(at),
                    group(at, o -> o.signal().source()), group(at, o -> o.signal().coin()),
                    group(at, o -> SignalScorer.bucket(o.signal().confidence()))));
        }
        return new Accuracy(config.scoring().horizons().stream().map(SignalScoringService::label).toList(),
                config.scoring().flatBandPct().toPlainString(), pending.size(), byHorizon);
    }

    public synchronized void clear() {
        pending.clear();
        outcomes.clear();
    }

    private void updateGauges() {
        for (HorizonAccuracy h : accuracy().byHorizon()) {
            h.bySource().forEach((source, stats) -> {
                String key = source + "|" + h.horizon();
                hitRates.put(key, stats.hitRate() == null ? Double.NaN : stats.hitRate().doubleValue());
                if (gauges.add(key)) {
                    registry.gauge("decision.signal.hit.rate", Tags.of("source", source, "horizon", h.horizon()),
                            hitRates, m -> m.getOrDefault(key, Double.NaN));
                }
            });
        }
    }

    private static Map<String, Stats> group(List<Outcome> outcomes, Function<Outcome, String> key) {
        Map<String, List<Outcome>> groups = outcomes.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        Map<String, Stats> result = new LinkedHashMap<>();
        groups.forEach((name, list) -> result.put(name, SignalScorer.stats(list)));
        return result;
    }

    static String label(Duration horizon) {
        long seconds = horizon.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + "m" : seconds + "s";
    }
}
