package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.edge.EdgeEstimate;
import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.edge.EdgeSettings;
import io.signaldesk.core.edge.SetupKey;
import io.signaldesk.core.edge.TrackRecord;
import io.signaldesk.core.edge.VolatilityRegime;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.engine.port.AnalyzerPort.ModelRecord;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.engine.port.EdgeStore.ScoredCall;
import io.signaldesk.decision.engine.port.EdgeStore;

/**
 * The engine's track record and its edge gate. Every entry the engine calls is recorded here (proposed or stopped)
 * and scored once strategy.edge.horizon has passed in market time: the move from its price to the first mark the
 * engine sees at or after the horizon, in the call's direction. The record (per setup: coin, source, direction,
 * confidence bucket, volatility regime) is written through to the ledger and read back at the first use, so it
 * survives a restart; calls still waiting for their horizon do not (they are not scored). Learned online from the
 * past only: a call counts from the moment its horizon has passed.
 */
public class EdgeService {

    /**
     * A call waiting for its horizon on {@code market}; {@code probe}: a model's answer asked on idle time, never acted
     * on.
     */
    private record Pending(SetupKey setup, BigDecimal price, Instant at, Instant due, boolean probe, String market) {
    }

    /** A probe sent: the model setup the gate stopped asking about, and the market (and its regime) it was asked on. */
    public record Probe(CoinSnapshot coin, String source, Direction direction, VolatilityRegime regime, Instant at,
            String market) {
    }

    /** The label of the calls scored before markets were recorded (edge_outcome.market NULL): never read by a gate. */
    public static final String NOT_RECORDED = "market not recorded";
    /** The label of seeded calls whose data is of no known market (inline CSV, a file of unknown origin): no gate reads it. */
    public static final String SEED_UNKNOWN = "seed of unknown market";

    /** Where a scored call came from (edge_outcome.origin): the engine's own call, or a probe's answer. */
    static final String LIVE = "LIVE";
    static final String PROBE = "PROBE";

    /** The sources of the calls the model made or took part in. */
    static final java.util.Set<String> MODEL_SOURCES = java.util.Set.of(DecisionSource.AI.label(),
            DecisionSource.RULES_AND_AI.label());

    private final EdgeStore repository;
    private final StrategySettings.Edge config;
    private final DecisionConfig.ModelRecordSettings model;
    private final EdgeSettings settings;
    private final FeeModel fees;
    /** The track record per market (FeedIdentity.market): a setup is judged only on its own market's calls. */
    private final Map<String, TrackRecord> records = new LinkedHashMap<>();
    /** The market a coin's prices come from now; and the market of the latest frame (the desk's market). */
    private final java.util.function.Function<String, String> marketOf;
    private final java.util.function.Supplier<String> currentMarket;
    private final Map<String, Deque<Pending>> pending = new HashMap<>();
    private final RegimeWindows recent;
    private final ModelRecords answers;
    /** Per coin, what its setup's record said at its latest entry call (a pending entry's: the coin's latest call). */
    private final Map<String, EdgeEstimate> lastCall = new HashMap<>();
    /** Per coin, the market its latest entry call was judged on. */
    private final Map<String, String> lastCallMarket = new HashMap<>();
    private final EdgeProbes probes;
    private boolean loaded;

    EdgeService(EdgeStore repository, StrategySettings strategy, DecisionConfig.ModelRecordSettings model,
            java.util.function.Function<String, String> marketOf, java.util.function.Supplier<String> currentMarket) {
        this.repository = repository;
        this.marketOf = marketOf;
        this.currentMarket = currentMarket;
        this.config = strategy.edge();
        this.model = model;
        this.settings = config.judge();
        this.fees = strategy.costs();
        this.answers = new ModelRecords(repository, config.horizon(), model.refresh(), model.promptsKeep());
        this.probes = new EdgeProbes(config, repository);
        this.recent = new RegimeWindows(config.regimeWindow(), fees.roundTripPct());
    }

    public EdgeGate mode() {
        return config.mode();
    }

    public Duration horizon() {
        return config.horizon();
    }

    /**
     * The engine saw {@code coin} at {@code now} (market time on a replay or backtest): calls whose horizon has
     * passed are scored at its mark, and the mark joins the regime's window.
     */
    public synchronized void observe(CoinSnapshot coin, Instant now) {
        BigDecimal mark = coin.markPrice();
        if (mark == null || mark.signum() <= 0) {
            return;
        }
        String market = marketOf.apply(coin.coin());
        recent.add(coin.coin(), market, mark, now);
        load();
        answers.observe(coin.coin(), mark, now, fees.roundTripPct(), market);
        Deque<Pending> due = pending.get(coin.coin());
        if (due == null) {
            return;
        }
        // a call is priced on the market it was made on only: the feed switched, its calls are not scored
        due.removeIf(p -> !p.market().equals(market));
        // the first mark at or after a call's horizon prices it (the core's priceAtHorizon, as the scoring service's)
        while (!due.isEmpty() && SignalScorer.pricesHorizon(now, due.peekFirst().due())) {
            Pending call = due.removeFirst();
            BigDecimal move = SignalScorer.movePct(call.price(), mark);
            BigDecimal its = call.setup().direction() == Direction.LONG ? move : move.negate();
            load();
            record(market).add(call.setup(), its.doubleValue());
            repository.insert(new ScoredCall(call.setup(), call.at(), config.horizon(), its, market),
                    call.probe() ? PROBE : LIVE);
            if (call.probe()) {
                probes.scored(market, call.setup());
            }
        }
    }

    /**
     * The engine calls an entry: {@code source} (RULES, AI, RULES+AI) says {@code direction} on {@code coin} at
     * {@code now}. The call is kept for scoring whatever comes of it; the answer is its setup's record before it.
     */
    public synchronized EdgeEstimate call(CoinSnapshot coin, String source, Direction direction, int confidence,
            Instant now) {
        load();
        SetupKey setup = SetupKey.of(coin.coin(), source, direction, confidence, regime(coin.coin()));
        String market = marketOf.apply(coin.coin());
        pending.computeIfAbsent(coin.coin(), c -> new ArrayDeque<>())
                .addLast(new Pending(setup, coin.markPrice(), now, now.plus(config.horizon()), false, market));
        EdgeEstimate estimate = record(market).estimate(setup, fees.roundTripPct(), settings);
        lastCall.put(coin.coin(), estimate);
        lastCallMarket.put(coin.coin(), market);
        return estimate;
    }

    /**
     * What the gate read for {@code coin}'s latest entry call of {@code source} in {@code direction} (a pending entry's
     * proposal: no other entry is called in its coin meanwhile); empty when this run has not called it (after a restart).
     */
    public synchronized Optional<EdgeEstimate> lastCall(String coin, String source, Direction direction) {
        return Optional.ofNullable(lastCall.get(coin))
                .filter(e -> e.setup().source().equals(source) && e.setup().direction() == direction
                        && marketOf.apply(coin).equals(lastCallMarket.get(coin)));
    }

    /** The market whose record judges {@code coin} now: the market its prices come from. */
    public String marketOf(String coin) {
        return marketOf.apply(coin);
    }

    /** The setup's record as it stands now (the coin's regime now): what a card shows when the call's own is gone. */
    public synchronized EdgeEstimate estimateNow(String coin, String source, Direction direction, int confidence) {
        load();
        return record(marketOf.apply(coin)).estimate(SetupKey.of(coin, source, direction, confidence, regime(coin)),
                fees.roundTripPct(), settings);
    }

    /**
     * Whether the gate would let an entry of {@code source} in {@code direction} on {@code coin} through at
     * {@code confidence}, asked before anyone is asked anything: nothing is recorded (the call is, in {@link #call}).
     */
    public synchronized boolean wouldPropose(CoinSnapshot coin, String source, Direction direction, int confidence) {
        load();
        SetupKey setup = SetupKey.of(coin.coin(), source, direction, confidence, regime(coin.coin()));
        return config.mode().proposes(record(marketOf.apply(coin.coin())).estimate(setup, fees.roundTripPct(), settings));
    }

    /**
     * Before the model is asked about an entry whose setup its answer decides ({@code source} AI or RULES+AI, its
     * confidence somewhere in {@code minConfidence}-{@code maxConfidence}): why the gate would refuse whatever it
     * answered, or empty when the question is worth asking. Worth asking: the gate is not {@code gate}, a setup (confidence
     * bucket) the answer could land on is proven, or one its answers have landed on is still cold (fewer than min-sample
     * calls, scored or waiting for their horizon: the calls the gate waits for are the model's answers), or its answers
     * have not yet made min-sample calls between them. A setup is proven on its own calls only, so the gate refuses
     * only when every bucket the answers landed on is measured and none is proven. Nothing is recorded.
     */
    public synchronized Optional<String> refusesUnasked(CoinSnapshot coin, String source, Direction direction,
            int minConfidence, int maxConfidence) {
        if (config.mode() != EdgeGate.GATE) {
            return Optional.empty();
        }
        load();
        VolatilityRegime regime = regime(coin.coin());
        String market = marketOf.apply(coin.coin());
        TrackRecord record = record(market);
        java.util.Map<SetupKey, Long> calls = new java.util.LinkedHashMap<>();
        for (int confidence = minConfidence; confidence <= maxConfidence; confidence++) {
            SetupKey setup = SetupKey.of(coin.coin(), source, direction, confidence, regime);
            if (!calls.containsKey(setup)) {
                EdgeEstimate estimate = record.estimate(setup, fees.roundTripPct(), settings);
                if (estimate.proven()) {
                    return Optional.empty();
                }
                calls.put(setup, estimate.scored());
            }
        }
        Deque<Pending> waiting = pending.get(coin.coin());
        if (waiting != null) {
            waiting.stream().filter(p -> p.market().equals(market) && calls.containsKey(p.setup())).forEach(p -> calls.merge(p.setup(), 1L, Long::sum));
        }
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        boolean cold = total < settings.minSample()
                || calls.values().stream().anyMatch(n -> n > 0 && n < settings.minSample());
        if (cold) {
            return Optional.empty();
        }
        String measured = calls.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().bucket() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        return Optional.of("%s %s, %s, confidence %d-%d, %s market: none proven after the %s %% round trip in %d calls on %s (%s; scored or waiting for their horizon); the model was not asked"
                .formatted(coin.coin(), direction, source.toLowerCase(java.util.Locale.ROOT), minConfidence, maxConfidence,
                        regime.name().toLowerCase(java.util.Locale.ROOT),
                        fees.roundTripPct().stripTrailingZeros().toPlainString(), total, market, measured));
    }

    /**
     * Whether to probe the model setup ({@code source} AI or RULES+AI, {@code direction}, {@code coin}) the gate just
     * refused to ask about at {@code now} (market time): under {@code gate} with strategy.edge.probe-every set, at most
     * once an interval per setup on the market its coin is priced on. The probe returned is counted as asked; its
     * answer comes back in {@link #probed}.
     */
    public synchronized Optional<Probe> probeDue(CoinSnapshot coin, String source, Direction direction, Instant now) {
        load();
        String market = marketOf.apply(coin.coin());
        return probes.due(coin.coin(), source, direction, market, now)
                ? Optional.of(new Probe(coin, source, direction, regime(coin.coin()), now, market))
                : Optional.empty();
    }

    /**
     * A probe's answer: {@code status} the analyzer's (ANSWERED, SKIPPED, INVALID, ...); {@code calledConfidence} the
     * confidence the engine would have called the entry at had it been asked live (null: it would not have called
     * it, e.g. the model declined). A call is kept for scoring as a live one is (the probe's setup, price and time, the
     * same horizon and round trip), marked PROBE in the ledger, and counts in the setup's record the gate reads.
     */
    public synchronized void probed(Probe probe, String status, Integer calledConfidence) {
        if (!probes.answered(probe.market(), status) || calledConfidence == null) {
            return;
        }
        probes.called(probe.market());
        SetupKey setup = SetupKey.of(probe.coin().coin(), probe.source(), probe.direction(), calledConfidence,
                probe.regime());
        Pending call = new Pending(setup, probe.coin().markPrice(), probe.at(), probe.at().plus(config.horizon()), true,
                probe.market());
        // answered on idle time, after later calls perhaps: kept in the order of their horizons
        Deque<Pending> waiting = pending.computeIfAbsent(probe.coin().coin(), c -> new ArrayDeque<>());
        Deque<Pending> later = new ArrayDeque<>();
        while (!waiting.isEmpty() && waiting.peekLast().due().isAfter(call.due())) {
            later.addFirst(waiting.removeLast());
        }
        waiting.addLast(call);
        waiting.addAll(later);
    }

    /**
     * The model's own record on a setup (kind, coin, side) to send with a question at {@code now} (market time), or
     * null when decision.model-record.enabled is off. Its {@code measuredEdge}: whether a setup of the model's calls
     * (source AI or RULES+AI) on this coin and direction is proven, in any confidence bucket or regime.
     */
    public synchronized ModelRecord modelRecord(ModelRecords.Kind kind, String coin, String side, Instant now) {
        if (!model.enabled()) {
            return null;
        }
        load();
        String market = marketOf.apply(coin);
        return answers.recordFor(kind, coin, side, market, now, () -> record(market).estimates(fees.roundTripPct(), settings).values()
                .stream().anyMatch(e -> e.proven() && e.setup().coin().equals(coin)
                        && e.setup().direction().name().equals(side) && MODEL_SOURCES.contains(e.setup().source())));
    }

    /** The model answered a question on a setup at {@code price}, {@code now} (market time); scored at the horizon. */
    public void modelAnswered(ModelRecords.Answer answer, BigDecimal price, Instant now) {
        modelAnswered(answer, price, now, marketOf.apply(answer.coin()));
    }

    /**
     * The same, asked on {@code market} (the market of {@code price}, when it was asked): scored on that market only,
     * dropped if the coin's feed is on another by the answer's horizon.
     */
    public synchronized void modelAnswered(ModelRecords.Answer answer, BigDecimal price, Instant now, String market) {
        load();
        answers.answered(answer, price, now, market);
    }

    /**
     * Both models' scored answers (the model in use and the shadow) on {@code market} (null: the market the desk trades
     * now), for the arena ({@link Arena}).
     */
    public Arena arena(String market) {
        String on = market == null ? currentMarket.get() : market;
        return new Arena(repository.arena(config.horizon(), on), SignalScoringService.label(config.horizon()),
                fees.roundTripPct().doubleValue(), on, answerMarkets());
    }

    /** The markets the model's answers were scored on and how many each, the desk's market first (0 when none yet). */
    public Map<String, Long> answerMarkets() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put(currentMarket.get(), 0L);
        out.putAll(repository.answersByMarket(config.horizon()));
        return out;
    }

    /** The market the desk trades now (the latest frame's): the model's record, the arena and the dataset read its rows. */
    public String deskMarket() {
        return currentMarket.get();
    }

    /** The scored answers with their prompts as sent (the training set), oldest first. */
    public List<EdgeStore.ScoredAnswer> answersWithPrompts(EdgeStore.AnswerFilter filter) {
        return repository.withPrompts(config.horizon(), filter);
    }

    /** The regime of {@code coin} now: the range of its recent marks on the market it is priced on, against the round trip. */
    VolatilityRegime regime(String coin) {
        return recent.regime(coin, marketOf.apply(coin));
    }

    /**
     * Calls of a backtest over past data added to this record (and the ledger) as SEED, as calls of {@code market}, the
     * market its data is of (a venue's own history seeds that venue's gate only; data of no known market is labelled
     * {@link #SEED_UNKNOWN}, read by no gate); returns how many.
     */
    public synchronized int seed(List<ScoredCall> calls, String market) {
        load();
        List<ScoredCall> atHorizon = calls.stream().filter(c -> c.horizon().equals(config.horizon()))
                .map(c -> c.on(market)).toList();
        repository.insertAll(atHorizon, "SEED");
        atHorizon.forEach(c -> record(market).add(c.setup(), c.movePct().doubleValue()));
        return atHorizon.size();
    }

    /** Every call scored in this ledger (a backtest's scratch ledger: what it can seed). */
    public List<ScoredCall> scored() {
        return repository.scored(config.horizon());
    }

    /** Forgets the whole track record (and the calls waiting for their horizon). */
    public synchronized void clear() {
        repository.deleteAll();
        records.clear();
        pending.clear();
        lastCall.clear();
        lastCallMarket.clear();
        probes.clear();
        answers.clear();
        loaded = true;
    }

    /**
     * What GET /api/status and the dashboard show: the gate's settings, and on the market the desk trades now what each
     * setup has measured and what it waits for.
     */
    public synchronized Map<String, Object> status() {
        return status(currentMarket.get());
    }

    /** The same on {@code market}'s record ({@link #NOT_RECORDED}: the calls scored before markets were recorded). */
    public synchronized Map<String, Object> status(String market) {
        load();
        TrackRecord record = records.getOrDefault(market, new TrackRecord());
        Map<String, EdgeEstimate> estimates = record.estimates(fees.roundTripPct(), settings);
        List<String> proven = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        List<String> noEdge = new ArrayList<>();
        estimates.values().forEach(e -> (e.proven() ? proven : e.cold() ? waiting : noEdge)
                .add(e.cold() ? e.waitingFor() : e.summary()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", config.mode().name().toLowerCase(java.util.Locale.ROOT));
        out.put("market", market);
        out.put("markets", markets());
        out.put("horizon", SignalScoringService.label(config.horizon()));
        out.put("minSample", settings.minSample());
        out.put("confidence", settings.confidence());
        out.put("priorStrength", settings.priorStrength());
        out.put("roundTripPct", fees.roundTripPct());
        long pendingCalls = pending.values().stream().flatMap(Deque::stream).filter(p -> p.market().equals(market))
                .count();
        out.put("scoredCalls", record.calls());
        out.put("pendingCalls", pendingCalls);
        out.put("line", line(proven, waiting, noEdge, record.calls(), pendingCalls));
        out.put("proven", proven);
        out.put("waiting", waiting);
        out.put("noEdge", noEdge);
        out.put("setups", List.copyOf(estimates.values()));
        out.put("probes", probes.status(estimates, market));
        return out;
    }

    /**
     * The panel's line: the calls scored and those still waiting for their horizon first (a fresh desk has calls long
     * before a setup has a score), then the setups by verdict.
     */
    private String line(List<String> proven, List<String> waiting, List<String> noEdge, long scored, long pendingCalls) {
        if (config.mode() == EdgeGate.OFF) {
            return "edge gate off: entries are proposed without a measured edge";
        }
        String what = config.mode() == EdgeGate.GATE ? "entries only on a measured edge after the "
                : "entries proposed, marked unproven without a measured edge after the ";
        String calls = scored + (scored == 1 ? " call" : " calls") + " scored at "
                + SignalScoringService.label(config.horizon()) + ", " + pendingCalls + " waiting for their horizon; ";
        String setups = proven.isEmpty() && noEdge.isEmpty() && waiting.isEmpty()
                ? "no setup scored yet (each needs " + settings.minSample() + " scored calls)"
                : proven.size() + " setups proven, " + noEdge.size() + " without edge, " + waiting.size()
                        + " still scoring their first " + settings.minSample() + " calls";
        return what + fees.roundTripPct().stripTrailingZeros().toPlainString() + " % round trip: " + calls + setups;
    }

    /** The markets with scored calls and how many each, the desk's market first (0 when it has none yet). */
    private Map<String, Long> markets() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put(currentMarket.get(), 0L);
        records.forEach((market, record) -> {
            if (record.calls() > 0) {
                out.put(market, record.calls());
            }
        });
        return out;
    }

    /** The markets the probes' state and the model's setups are kept in memory for (tests). */
    synchronized java.util.Set<String> probeAndAnswerMarkets() {
        load();
        java.util.Set<String> out = new java.util.TreeSet<>(probes.markets());
        out.addAll(answers.markets());
        return out;
    }

    /** {@code market}'s track record (empty until it has a scored call). */
    private TrackRecord record(String market) {
        return records.computeIfAbsent(market, m -> new TrackRecord());
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (ScoredCall call : repository.scored(config.horizon())) {
            record(call.market() == null ? NOT_RECORDED : call.market()).add(call.setup(), call.movePct().doubleValue());
        }
        probes.loaded(repository.countByOriginPerMarket(config.horizon(), PROBE), repository.lastProbes());
        answers.load();
    }
}
