package io.signaldesk.decision.engine;

import java.math.BigDecimal;
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


import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.port.SignalStore.PendingOutcome;
import io.signaldesk.decision.engine.SignalOutcomes.Outcome;
import io.signaldesk.decision.engine.SignalOutcomes.Stats;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.SignalStore;

/**
 * Scores every recorded signal at each horizon once the price there is known, and reports hit rates.
 * Signals and outcomes are written to the database as they happen and read back on first use, so the
 * accuracy and the signals still waiting for their horizon survive a restart.
 */
public class SignalScoringService {

    /** Accuracy at one horizon, overall and grouped. */
    @RegisterForReflection
    public record HorizonAccuracy(String horizon, Stats overall, Map<String, Stats> bySource,
            Map<String, Stats> byCoin, Map<String, Stats> byConfidence) {
    }

    /** The whole report served by GET /api/signals/accuracy. */
    @RegisterForReflection
    public record Accuracy(List<String> horizons, String flatBandPct, int pendingSignals, long unscorableSignals,
            List<HorizonAccuracy> byHorizon, String market, Map<String, Long> markets) {
    }

    /** The label of the signals scored before markets were recorded (signal.market NULL). */
    public static final String NOT_RECORDED = EdgeService.NOT_RECORDED;

    /** The hit-rate gauges are recomputed from all outcomes at most this often (wall time). */
    private static final long GAUGES_EVERY_NANOS = 5_000_000_000L;
    private final FeedStateService market;
    private final SignalStore signals;
    private final DecisionConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Deque<PendingOutcome> pending = new ArrayDeque<>();
    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private final Map<String, Double> hitRates = new ConcurrentHashMap<>();
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();
    private long unscorable;
    private boolean loaded;

    private Long gaugesAt;
    private boolean gaugesDue;

    SignalScoringService(FeedStateService market, SignalStore signals, DecisionConfig config,
            MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.market = market;
        this.signals = signals;
        this.config = config;
        this.registry = registry;
        // The label sets known before any signal: the rules and every confidence bucket at each horizon, NaN
        // (not scored yet) until outcomes arrive, so dashboards and rules find the series from the start.
        for (Duration horizon : config.scoring().horizons()) {
            gauge("decision.signal.hit.rate", "source", "RULES", label(horizon), Double.NaN);
            for (String bucket : List.of(SignalScorer.bucket(1), SignalScorer.bucket(4), SignalScorer.bucket(7))) {
                gauge("decision.signal.hit.rate.by.confidence", "bucket", bucket, label(horizon), Double.NaN);
            }
        }
    }

    /** Stores the signal with one pending outcome per configured horizon. */
    public synchronized void record(Signal call) {
        load();
        Signal signal = call.market() != null ? call : call.on(marketOf(call.coin()));
        List<Duration> horizons = config.scoring().horizons();
        long id = signals.insert(signal, horizons);
        for (Duration horizon : horizons) {
            pending.addLast(new PendingOutcome(id, signal, horizon));
        }
    }

    /**
     * Scores what has come due. The price at the horizon is the core's ({@link SignalScorer#priceAtHorizon}: the
     * first mark seen at or after it, as the backtest and the analyzer's model evaluator score), taken only
     * while the kept price history reaches back to the horizon; when it does not (the horizon passed while
     * the service was down, or fell out of the history window) the signal is marked unscorable there.
     */
    public synchronized int scoreDue() {
        load();
        Instant now = clock.instant();
        Instant oldestKept = now.minus(config.feed().historyWindow());
        int scored = 0;
        for (Iterator<PendingOutcome> it = pending.iterator(); it.hasNext();) {
            PendingOutcome p = it.next();
            Instant due = p.signal().at().plus(p.horizon());
            if (due.isAfter(now)) {
                continue;
            }
            Optional<Instant> historyStart = market.historyStart(p.signal().coin());
            // the price at the horizon is of the market the call was made on, or the call is not scored
            boolean otherMarket = p.signal().market() != null && !p.signal().market().equals(marketOf(p.signal().coin()));
            if (otherMarket) {
                signals.unscorable(p.signalId(), p.horizon(), now);
                unscorable++;
                it.remove();
                continue;
            }
            boolean covered = historyStart.isPresent() && !historyStart.get().isAfter(due);
            Optional<BigDecimal> price = covered ? market.priceAtHorizon(p.signal().coin(), due) : Optional.empty();
            if (price.isPresent()) {
                Outcome outcome = SignalOutcomes.score(p.signal(), p.horizon(), price.get(),
                        config.scoring().flatBandPct());
                signals.scored(p.signalId(), outcome, price.get(), now);
                add(outcome);
                it.remove();
                scored++;
            } else if (historyStart.isPresent() && historyStart.get().isAfter(due) || due.isBefore(oldestKept)) {
                signals.unscorable(p.signalId(), p.horizon(), now);
                unscorable++;
                it.remove();
            }
        }
        gaugesDue |= scored > 0;
        if (gaugesDue && (gaugesAt == null || System.nanoTime() - gaugesAt >= GAUGES_EVERY_NANOS)) {
            updateGauges(); // every hit rate is recomputed from all outcomes: not more often than this
        }
        return scored;
    }

    /** Adds a scored outcome to the in-memory report only (tests and replays). */
    public synchronized void add(Outcome outcome) {
        outcomes.addLast(outcome);
        while (outcomes.size() > config.scoring().keep()) {
            outcomes.removeFirst();
        }
    }

    /** Every scored outcome kept in memory, oldest first (an evaluation reads them). */
    public synchronized List<Outcome> outcomes() {
        load();
        return List.copyOf(outcomes);
    }

    /** The accuracy on the market the desk trades now (the market of the latest frame). */
    public synchronized Accuracy accuracy() {
        return accuracy(deskMarket());
    }

    /** The market the desk trades now: the market of the latest frame. */
    public String deskMarket() {
        return market.currentFeed().orElse(FeedIdentity.UNKNOWN).market();
    }

    /** The scored outcomes kept in memory of the signals called on {@code on}, oldest first. */
    public synchronized List<Outcome> outcomesOn(String on) {
        load();
        return outcomes.stream().filter(o -> marketOf(o).equals(on)).toList();
    }

    /**
     * The accuracy of the signals called on {@code market} ({@link #NOT_RECORDED}: those from before markets were
     * recorded), with how many scored outcomes every market has.
     */
    public synchronized Accuracy accuracy(String on) {
        load();
        Map<String, Long> markets = new LinkedHashMap<>();
        markets.put(on, 0L);
        outcomes.forEach(o -> markets.merge(marketOf(o), 1L, Long::sum));
        List<HorizonAccuracy> byHorizon = new ArrayList<>();
        for (Duration horizon : config.scoring().horizons()) {
            List<Outcome> at = outcomes.stream().filter(o -> o.horizon().equals(horizon) && marketOf(o).equals(on))
                    .toList();
            byHorizon.add(new HorizonAccuracy(label(horizon), SignalOutcomes.stats(at),
                    group(at, o -> o.signal().source()), group(at, o -> o.signal().coin()),
                    group(at, o -> SignalScorer.bucket(o.signal().confidence()))));
        }
        return new Accuracy(config.scoring().horizons().stream().map(SignalScoringService::label).toList(),
                config.scoring().flatBandPct().toPlainString(), pending.size(), unscorable, byHorizon, on, markets);
    }

    private static String marketOf(Outcome outcome) {
        return outcome.signal().market() == null ? NOT_RECORDED : outcome.signal().market();
    }

    /** The market {@code coin} is priced on now (the desk's market for a coin the feed has not priced). */
    private String marketOf(String coin) {
        return market.feedOf(coin).or(market::currentFeed).orElse(FeedIdentity.UNKNOWN).market();
    }

    /** Forgets every signal, in memory and in the database. */
    public synchronized void clear() {
        signals.deleteAll();
        pending.clear();
        outcomes.clear();
        unscorable = 0;
        loaded = true;
    }

    /** Reads the pending signals and the latest outcomes back from the database, once. */
    private void load() {
        if (loaded) {
            return;
        }
        pending.addAll(signals.pending());
        outcomes.addAll(signals.latestOutcomes(config.scoring().keep()));
        unscorable = signals.countUnscorable();
        loaded = true;
        updateGauges();
    }

    private void updateGauges() {
        gaugesAt = System.nanoTime();
        gaugesDue = false;
        for (HorizonAccuracy h : accuracy().byHorizon()) {
            h.bySource().forEach((source, stats) -> gauge("decision.signal.hit.rate", "source", source, h, stats));
            h.byConfidence().forEach((bucket, stats) ->
                    gauge("decision.signal.hit.rate.by.confidence", "bucket", bucket, h, stats));
        }
    }

    private void gauge(String name, String tag, String value, HorizonAccuracy h, Stats stats) {
        gauge(name, tag, value, h.horizon(), stats.hitRate() == null ? Double.NaN : stats.hitRate().doubleValue());
    }

    private void gauge(String name, String tag, String value, String horizon, double hitRate) {
        String key = name + "|" + value + "|" + horizon;
        hitRates.put(key, hitRate);
        if (gauges.add(key)) {
            registry.gauge(name, Tags.of(tag, value, "horizon", horizon), hitRates,
                    m -> m.getOrDefault(key, Double.NaN));
        }
    }

    private static Map<String, Stats> group(List<Outcome> outcomes, Function<Outcome, String> key) {
        Map<String, List<Outcome>> groups = outcomes.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        Map<String, Stats> result = new LinkedHashMap<>();
        groups.forEach((name, list) -> result.put(name, SignalOutcomes.stats(list)));
        return result;
    }

    public static String label(Duration horizon) {
        long seconds = horizon.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + "m" : seconds + "s";
    }
}
