package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.decision.engine.port.AnalyzerPort.ModelRecord;
import io.signaldesk.decision.engine.port.AnalyzerPort.Prompt;
import io.signaldesk.decision.engine.port.AnalyzerPort.ShadowAnswer;
import io.signaldesk.decision.engine.port.EdgeStore;
import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;

/**
 * The model's own record, per setup (kind ENTRY or EXIT, coin, side): every answer the model gave the engine is scored
 * at the edge horizon in market time, as the edge gate's calls are, and the record goes back to the model with the next
 * question on that setup. Right means: an entry entered and earned more than the round trip, or skipped where entering
 * would not have; an exit held a position that then moved its way, or closed one that then did not. Each setup's record
 * sent to the model is a snapshot refreshed once {@code refresh} of market time has passed, so the question's first
 * line stays the same (and in Ollama's prefix cache) between refreshes. A probe's answer (role PROBE) counts in its
 * setup's record: it is the same model asked the same question, and a setup the gate shut is asked by probes alone, so
 * without them its record would stop where the gate shut it. One record per market ({@code FeedIdentity.market}): an
 * answer is scored on the market it was given on only (dropped, not priced on another, when its coin's feed switches
 * market before its horizon), and a question carries the record of the market its coin is priced on; answers scored
 * before markets were recorded are {@link EdgeService#NOT_RECORDED} and count for no market. Not thread-safe:
 * {@link EdgeService} locks.
 */
final class ModelRecords {

    /** Outcomes kept per setup for the "last" string. */
    static final int LAST = 5;

    enum Kind { ENTRY, EXIT }

    /** A setup on a market: the record the model is shown is its market's. */
    private record Key(String market, Kind kind, String coin, String side) {
    }

    /**
     * One answer of the model to score: whether it acted (entered; held the position), its decision fields in the
     * answer schema's order, the prompt it answered as sent (null when the analyzer did not say it) and its reason once
     * written; {@code probe}: asked on idle time about a setup the edge gate shut (stored as role PROBE).
     */
    record Answer(Kind kind, String coin, String side, boolean acted, int confidence, String model,
            Map<String, Object> decision, Prompt prompt, CompletionStage<String> reasonLater,
            CompletionStage<ShadowAnswer> shadow, boolean probe) {

        Answer(Kind kind, String coin, String side, boolean acted, int confidence, String model,
                Map<String, Object> decision, Prompt prompt, CompletionStage<String> reasonLater,
                CompletionStage<ShadowAnswer> shadow) {
            this(kind, coin, side, acted, confidence, model, decision, prompt, reasonLater, shadow, false);
        }

        Answer(Kind kind, String coin, String side, boolean acted, int confidence, String model,
                Map<String, Object> decision, Prompt prompt, CompletionStage<String> reasonLater) {
            this(kind, coin, side, acted, confidence, model, decision, prompt, reasonLater, null);
        }

        /** A probe's answer: the model in use entered or not at {@code confidence}; no prompt nor reason comes back. */
        static Answer probe(String coin, String side, boolean acted, int confidence, String model) {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("enter", acted);
            decision.put("confidence", confidence);
            return new Answer(Kind.ENTRY, coin, side, acted, confidence, model, decision, null, null, null, true);
        }
    }

    /** An answer waiting for its horizon on {@code key.market()}. */
    private record Pending(Key key, Answer answer, BigDecimal price, Instant at, Instant due) {
    }

    /** A question longer than this is not kept as a training example (the analyzer's are a few hundred characters). */
    static final int MAX_QUESTION_CHARS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Snapshot(ModelRecord record, Instant at) {
    }

    /** One setup's scored answers. */
    private static final class Setup {
        int calls;
        int right;
        int acted;
        BigDecimal actedNetSum = BigDecimal.ZERO;
        final Deque<Boolean> last = new ArrayDeque<>();

        void add(boolean wasRight, boolean didAct, BigDecimal net) {
            calls++;
            right += wasRight ? 1 : 0;
            if (didAct) {
                acted++;
                actedNetSum = actedNetSum.add(net);
            }
            last.addLast(wasRight);
            if (last.size() > LAST) {
                last.removeFirst();
            }
        }
    }

    private final EdgeStore repository;
    private final Duration horizon;
    private final Duration refresh;
    private final Map<Key, Setup> setups = new HashMap<>();
    private final Map<String, Deque<Pending>> pending = new HashMap<>();
    private final Map<Key, Snapshot> sent = new HashMap<>();
    /** The latest replay runs' markets kept (each run is a market of its own): an older run's setups are forgotten. */
    private final ReplayMarkets replays = new ReplayMarkets();

    private final int keepTexts;

    ModelRecords(EdgeStore repository, Duration horizon, Duration refresh, int keepTexts) {
        this.repository = repository;
        this.horizon = horizon;
        this.refresh = refresh;
        this.keepTexts = keepTexts;
    }

    /** Reads the scored answers back from the ledger (at first use). */
    void load() {
        for (ScoredAnswer a : repository.answers(horizon)) {
            setup(new Key(a.market() == null ? EdgeService.NOT_RECORDED : a.market(), Kind.valueOf(a.kind()), a.coin(),
                    a.side())).add(a.right(), a.acted(), a.netPct());
        }
    }

    /**
     * The record to send with a question on this setup on {@code market} at {@code now}: the snapshot taken at the last
     * refresh, or a new one once {@code refresh} has passed (or the first time). {@code measuredEdge} is asked only when
     * a snapshot is taken.
     */
    ModelRecord recordFor(Kind kind, String coin, String side, String market, Instant now,
            java.util.function.BooleanSupplier measuredEdge) {
        Key key = new Key(market, kind, coin, side);
        use(market);
        Snapshot last = sent.get(key);
        if (last != null && now.isBefore(last.at().plus(refresh)) && !now.isBefore(last.at())) {
            return last.record();
        }
        Setup s = setups.get(key);
        ModelRecord record = s == null
                ? new ModelRecord(minutes(), 0, 0, 0, null, "", measuredEdge.getAsBoolean())
                : new ModelRecord(minutes(), s.calls, s.right, s.acted,
                        s.acted == 0 ? null : s.actedNetSum.divide(BigDecimal.valueOf(s.acted), 4, RoundingMode.HALF_EVEN),
                        letters(s.last), measuredEdge.getAsBoolean());
        sent.put(key, new Snapshot(record, now));
        return record;
    }

    /**
     * The model answered a question on this setup at {@code now} (market time), at {@code price} on {@code market};
     * scored later on that market only.
     */
    void answered(Answer answer, BigDecimal price, Instant now, String market) {
        if (price == null || price.signum() <= 0) {
            return;
        }
        Pending p = new Pending(new Key(market, answer.kind(), answer.coin(), answer.side()), answer, price, now,
                now.plus(horizon));
        // a probe is answered on idle time, after later questions perhaps: kept in the order of their horizons
        Deque<Pending> waiting = pending.computeIfAbsent(answer.coin(), c -> new ArrayDeque<>());
        Deque<Pending> later = new ArrayDeque<>();
        while (!waiting.isEmpty() && waiting.peekLast().due().isAfter(p.due())) {
            later.addFirst(waiting.removeLast());
        }
        waiting.addLast(p);
        waiting.addAll(later);
    }

    /**
     * Scores the answers on {@code coin} whose horizon has passed at {@code now}, at {@code mark} on {@code market}; the
     * answers given on another market (the feed switched) are dropped, not priced on this one.
     */
    void observe(String coin, BigDecimal mark, Instant now, BigDecimal roundTripPct, String market) {
        Deque<Pending> due = pending.get(coin);
        if (due != null) {
            due.removeIf(p -> !p.key().market().equals(market));
        }
        // the first mark at or after an answer's horizon prices it (the core's priceAtHorizon)
        while (due != null && !due.isEmpty() && SignalScorer.pricesHorizon(now, due.peekFirst().due())) {
            Pending p = due.removeFirst();
            ScoredAnswer scored = score(p, mark, roundTripPct);
            setup(p.key()).add(scored.right(), scored.acted(), scored.netPct());
            repository.insertAnswer(scored, keepTexts);
            shadowAnswer(p).ifPresent(shadow -> repository.insertAnswer(scoreShadow(p, shadow, scored), keepTexts));
        }
    }

    void clear() {
        setups.clear();
        pending.clear();
        sent.clear();
        replays.clear();
    }

    /** {@code market} is used now; the setups of the replay run's market it pushes out of the kept ones are forgotten. */
    private void use(String market) {
        replays.use(market).ifPresent(gone -> {
            setups.keySet().removeIf(k -> gone.equals(k.market()));
            sent.keySet().removeIf(k -> gone.equals(k.market()));
        });
    }

    /** The markets whose setups are kept in memory (tests). */
    java.util.Set<String> markets() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        setups.keySet().forEach(k -> out.add(k.market()));
        sent.keySet().forEach(k -> out.add(k.market()));
        return out;
    }

    private ScoredAnswer score(Pending p, BigDecimal mark, BigDecimal roundTripPct) {
        BigDecimal move = SignalScorer.movePct(p.price(), mark);
        BigDecimal its = "SHORT".equals(p.key().side()) ? move.negate() : move;
        boolean entry = p.key().kind() == Kind.ENTRY;
        // an entry pays the round trip; holding a position costs nothing more (its exit fee is paid either way)
        BigDecimal net = entry ? its.subtract(roundTripPct) : its;
        boolean paid = net.signum() > 0;
        Answer a = p.answer();
        boolean right = a.acted() == paid;
        Prompt prompt = a.prompt();
        boolean keep = prompt != null && prompt.system() != null && prompt.user() != null
                && prompt.user().length() <= MAX_QUESTION_CHARS;
        return new ScoredAnswer(p.key().kind().name(), p.key().coin(), p.key().side(), a.acted(), a.confidence(),
                a.model(), p.at(), horizon, its, net, right, keep ? prompt.user() : null, keep ? json(a) : null,
                keep ? prompt.system() : null, a.probe() ? EdgeStore.PROBE : EdgeStore.PRIMARY,
                prompt == null ? null : prompt.lessonVersion(), p.key().market());
    }

    /** The shadow model's answer to the same question, if it answered by the horizon (else it is not scored). */
    private static java.util.Optional<ShadowAnswer> shadowAnswer(Pending p) {
        CompletionStage<ShadowAnswer> later = p.answer().shadow();
        ShadowAnswer shadow = later == null ? null : later.toCompletableFuture().getNow(null);
        return shadow != null && shadow.answered() ? java.util.Optional.of(shadow) : java.util.Optional.empty();
    }

    /**
     * The shadow scored exactly as the primary was: the same question, price, time, horizon mark and costs (its move
     * and net are the primary's, from {@link #score}); only whether it acted, and so whether it was right, is its own.
     */
    private static ScoredAnswer scoreShadow(Pending p, ShadowAnswer shadow, ScoredAnswer primary) {
        boolean paid = primary.netPct().signum() > 0;
        return new ScoredAnswer(primary.kind(), primary.coin(), primary.side(), shadow.acted(), shadow.confidence(),
                shadow.model(), p.at(), primary.horizon(), primary.movePct(), primary.netPct(), shadow.acted() == paid,
                null, null, null, EdgeStore.SHADOW, null, primary.market());
    }

    /** The answer as the model wrote it: its decision fields, then its reason (null while the reason is unknown). */
    private static String json(Answer a) {
        String reason = a.reasonLater() == null ? null : a.reasonLater().toCompletableFuture().getNow(null);
        if (reason == null || reason.isBlank()) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>(a.decision());
        fields.put("reason", reason);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private Setup setup(Key key) {
        use(key.market());
        return setups.computeIfAbsent(key, k -> new Setup());
    }

    private int minutes() {
        return (int) Math.max(1, Math.min(1440, horizon.toMinutes()));
    }

    private static String letters(Deque<Boolean> last) {
        StringBuilder out = new StringBuilder();
        last.forEach(r -> out.append(r ? 'R' : 'W'));
        return out.toString();
    }
}
