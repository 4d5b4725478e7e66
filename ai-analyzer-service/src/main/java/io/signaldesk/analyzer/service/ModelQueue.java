package io.signaldesk.analyzer.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.signaldesk.analyzer.ai.AnswerStream;
import io.signaldesk.analyzer.ai.ModelExchange;
import io.signaldesk.analyzer.ai.ModelQuestion;
import io.signaldesk.analyzer.client.ChatStreamListener;
import io.signaldesk.analyzer.client.OllamaClient;
import io.signaldesk.analyzer.client.OllamaStats;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * The one scheduler in front of Ollama, which serves one request at a time: at most one call in flight, so
 * Ollama never queues; the desk's own questions (the decision engine's, the schedule's) in a lane ahead of every
 * outside caller's, and within a lane the most urgent first (entry and exit before risk before the periodic
 * sentiment, then oldest first); identical questions coalesced into one call, which then runs in the more urgent
 * lane of its callers; queued calls whose callers all gave up dropped unasked.
 * <p>
 * Policy for a running call when a more urgent one waits: once its decision is written it is cut there (the
 * reason stops; its callers keep the model's decision); while Ollama still evaluates its prompt (nothing written yet)
 * it is put back in the queue, however often; once it writes, it is put back once at most and otherwise finishes up to
 * its decision (so it makes progress whenever it gets past its prompt). A call past its deadline keeps running to fill
 * the cache only while nothing else waits.
 * <p>
 * <b>Background work</b> (the scheduled sentiment, {@link #background}; the shadow model, {@link #shadow}) starts only
 * in an idle window the queue predicts ({@link IdleWindow}): Ollama reads a prompt without interruption, so a background
 * call still reading its prompt when a question arrives would hold that question until the read ends. It starts when
 * the model is free, no question waits, and its predicted load, prompt read and output up to its decision
 * ({@link MachineRates#cost}) fit before the next question is expected; a question that comes early puts it back (or
 * cuts it after its decision) at the next token. A background call that waited {@code analyzer.background.max-delay}
 * starts when at least its prompt read fits, and then runs to its decision; at the last moment its deadline allows, it
 * starts anyway, and when no window comes before that moment, the answer being written at the last chance before it
 * gives up its reason for it ({@link IdleWindow#lastChance}). The shadow's questions start only when their load and prompt read fit, and are skipped otherwise.
 */
@ApplicationScoped
public class ModelQueue {

    private static final Logger LOG = Logger.getLogger(ModelQueue.class);

    private final StreamedChat model;
    private final QueueClock clock;
    private final AnalyzerMeters meters;
    private final BackgroundAdmission admission;
    private final AiMetricsService metrics;
    private final AtomicLong sequence = new AtomicLong();
    /** Most urgent first, then oldest; a call's priority changes only while it is out of the set. */
    private final TreeSet<ModelCall> waiting = new TreeSet<>(
            Comparator.comparingInt((ModelCall call) -> -call.priority).thenComparingLong(call -> call.seq));
    private final Map<String, ModelCall> byKey = new HashMap<>();
    /** Cancels the timer's next ask ({@link #retryAt}); {@code retryAt} is {@link Long#MAX_VALUE} when none is set. */
    private Runnable retry = () -> { };
    private long retryAt = Long.MAX_VALUE;
    private ModelCall running;

    @Inject
    public ModelQueue(OllamaClient ollama, AnalyzerMeters meters, MachineRates rates,
            AiMetricsService metrics, AnalyzerConfig config) {
        this((question, listener) -> ollama.chat(question, listener)::cancel, QueueClock.system(), meters, rates, metrics,
                config.background());
    }

    /** The queue on any model and clock (tests drive it with a model and a clock of their own). */
    ModelQueue(StreamedChat model, QueueClock clock, AnalyzerMeters meters, MachineRates rates, AiMetricsService metrics,
            AnalyzerConfig.Background background) {
        this.model = model;
        this.clock = clock;
        this.meters = meters;
        this.admission = new BackgroundAdmission(rates, background, clock.nanoTime());
        this.metrics = metrics;
    }

    @PreDestroy
    void stopTimer() {
        clock.close();
    }

    /** The priming call after a start or a model switch: lowest priority, never coalesced with a question. */
    public ModelCall prime(ModelQuestion body) {
        ModelCall call;
        synchronized (this) {
            call = new ModelCall("prime|" + sequence.get(), null, 0, sequence.incrementAndGet(), body, List.of(),
                    clock.nanoTime(), Long.MAX_VALUE);
            byKey.put(call.key, call);
            waiting.add(call);
            if (running != null && running.shadow()) {
                makeWay(call);
            }
        }
        startNext();
        return call;
    }

    /**
     * How urgent each analysis is: the desk's lane above any outside question; in a lane a trader waits on entry and
     * exit, sentiment runs on a schedule.
     */
    static int priority(AnalysisType type, boolean desk) {
        int inLane = switch (type) {
            case ENTRY, EXIT -> 3;
            case RISK -> 2;
            case SENTIMENT -> 1;
        };
        return desk ? DESK_LANE + inLane : inLane;
    }

    /** Added to the desk's priorities: above the highest outside one. */
    static final int DESK_LANE = 10;

    /** A shadow model's questions: below every other call, the priming call included (Ollama would otherwise be idle). */
    static final int SHADOW = -1;

    /**
     * Queues a shadow model's question ({@link ShadowService}): never coalesced, started only when nothing else waits
     * and its load (if its model is not resident) and prompt read fit in the idle window ({@link IdleWindow}), and put
     * back the moment anything else is asked (cut after its decision if it has one), so it never delays other work;
     * dropped unasked at {@code deadlineNanos}.
     *
     * @return the call, or empty when {@code backlog} shadow questions wait already
     */
    public Optional<ModelCall> shadow(AnalysisType type, ModelQuestion body, List<String> decisionFields,
            long deadlineNanos, int backlog) {
        ModelCall call;
        synchronized (this) {
            long waitingShadows = waiting.stream().filter(ModelCall::shadow).count();
            if (waitingShadows >= backlog) {
                return Optional.empty();
            }
            long seq = sequence.incrementAndGet();
            call = new ModelCall("shadow|" + seq, type, SHADOW, seq, body, decisionFields, clock.nanoTime(),
                    deadlineNanos);
            call.background = true;
            byKey.put(call.key, call);
            waiting.add(call);
        }
        startNext();
        return Optional.of(call);
    }

    /**
     * Queues a question, or joins the identical one already queued or running.
     *
     * @param key what makes two questions identical (type, model, the question's text, retry)
     * @param desk the desk's own question (its lane comes first) or an outside caller's
     * @param deadlineNanos when the caller stops waiting ({@link System#nanoTime()} clock)
     */
    public ModelCall submit(String key, AnalysisType type, boolean desk, ModelQuestion body, List<String> decisionFields,
            long deadlineNanos) {
        return submit(key, type, desk, false, body, decisionFields, deadlineNanos);
    }

    /**
     * Queues the desk's background work (the scheduled sentiment; a lesson written at a quiet moment): asked only in an
     * idle window the queue predicts (see the class comment), so it never holds an urgent question behind its prompt read;
     * it still runs, at the latest when {@code deadlineNanos} leaves just the time its decision takes.
     */
    public ModelCall background(String key, AnalysisType type, ModelQuestion body, List<String> decisionFields,
            long deadlineNanos) {
        return submit(key, type, true, true, body, decisionFields, deadlineNanos);
    }

    ModelCall submit(String key, AnalysisType type, boolean desk, boolean background, ModelQuestion body,
            List<String> decisionFields, long deadlineNanos) {
        ModelCall call;
        int priority = priority(type, desk);
        synchronized (this) {
            if (!background) {
                admission.arrived(clock.nanoTime());
            }
            ModelCall same = byKey.get(key);
            if (same != null && same.background && !background) {
                // a question someone waits on joins background work, waiting or running: it is urgent now
                same.background = false;
                same.toDecision = false;
            }
            if (same != null) {
                same.deadlineNanos = Math.max(same.deadlineNanos, deadlineNanos);
                same.coalesced++;
                meters.coalesced(type);
                if (same.priority < priority && running != same && waiting.remove(same)) {
                    // an outside question the desk now asks too: it moves up to the desk's lane
                    same.priority = priority;
                    waiting.add(same);
                    makeWay(same);
                }
                call = same;
            } else {
                call = new ModelCall(key, type, priority, sequence.incrementAndGet(), body, decisionFields,
                        clock.nanoTime(), deadlineNanos);
                call.background = background;
                byKey.put(key, call);
                waiting.add(call);
                if (!background) {
                    makeWay(call);
                }
            }
        }
        startNext();
        return call;
    }

    /** Frees the model for {@code urgent} if the running call should give way ({@link GiveWay}, the class policy). */
    private void makeWay(ModelCall urgent) {
        ModelCall current = running;
        if (current == null) {
            return;
        }
        switch (GiveWay.forUrgent(current, urgent, clock.nanoTime())) {
            case PUT_BACK -> {
                current.preemptions++;
                if (current.hasDecision()) {
                    cutReason(current);
                } else {
                    requeue(current);
                }
            }
            case STOP -> stop(current, "its callers gave up and newer work waits");
            case CUT_REASON -> cutReason(current);
            case KEEP -> {
            }
        }
    }

    /** Starts the most urgent waiting call if the model is free. Under the lock, so a running call always has its stream. */
    private synchronized void startNext() {
        long now = clock.nanoTime();
        if (running != null) {
            if (running.background || !running.hasDecision()) {
                return; // an answer that has no decision yet gives way when it has one (see content())
            }
            long lastMoment = admission.lastMoment(waiting, now);
            if (now < lastMoment) {
                retryAt(lastMoment, now);
                return;
            }
            cutReason(running);
        }
        List<ModelCall> stale = new ArrayList<>();
        for (ModelCall call : waiting) {
            if (now > call.deadlineNanos) {
                stale.add(call);
            }
        }
        for (ModelCall call : stale) {
            waiting.remove(call);
            byKey.remove(call.key);
            meters.dropped(metered(call), "stale");
            call.reply.completeExceptionally(new CallDroppedException("dropped unasked: its callers gave up"));
        }
        ModelCall next = null;
        boolean urgentWaits = waiting.stream().anyMatch(call -> !call.background);
        long retryAt = Long.MAX_VALUE;
        for (ModelCall call : waiting) {
            if (!call.background) {
                next = call;
                break;
            }
            IdleWindow.Admission admitted = admission.admit(call, urgentWaits, now);
            if (admitted.start()) {
                call.toDecision = admitted.toDecision();
                next = call;
                break;
            }
            retryAt = Math.min(retryAt, Math.min(admitted.retryAt(), call.deadlineNanos + 1_000_000));
        }
        if (next == null) {
            retryAt(retryAt, now);
            return;
        }
        waiting.remove(next);
        running = next;
        next.answer = new AnswerStream(next.decisionFields);
        next.startedNanos = now;
        next.pieces = 0;
        next.resident = admission.resident(next.body.model(), now);
        meters.queueWait(metered(next), now - next.queuedNanos);
        ModelCall call = next;
        call.stop = model.chat(call.body, new ChatStreamListener() {
            @Override
            public void content(String piece) {
                ModelQueue.this.content(call, piece);
            }

            @Override
            public void done(OllamaStats stats) {
                finish(call, stats, false);
            }

            @Override
            public void failed(Throwable cause) {
                ModelQueue.this.failed(call, cause);
            }
        });
    }

    /** Under the lock: asks again at {@code at} (waiting background work), unless an earlier retry is set. */
    private void retryAt(long at, long now) {
        if (at == Long.MAX_VALUE || retryAt <= at) {
            return;
        }
        retry.run();
        retryAt = at;
        retry = clock.schedule(() -> {
            synchronized (this) {
                retryAt = Long.MAX_VALUE;
            }
            startNext();
        }, Math.max(1_000_000, at - now));
    }

    private void content(ModelCall call, String piece) {
        AnswerStream.Progress progress;
        boolean cutNow = false;
        synchronized (this) {
            if (running != call) {
                return;
            }
            call.pieces++;
            call.lastPieceNanos = clock.nanoTime();
            if (call.pieces == 1) {
                call.firstPieceNanos = call.lastPieceNanos;
            }
            progress = call.answer.accept(piece);
            if (progress.decision() != null) {
                call.signalNanos = clock.nanoTime();
                call.piecesAtSignal = call.pieces;
                cutNow = waiting.stream().anyMatch(other -> GiveWay.cutsReason(other, call))
                        || !call.background && admission.cutsReason(call, waiting, call.signalNanos);
            }
        }
        if (progress.decision() != null) {
            call.decision.complete(progress.decision());
        }
        if (!progress.reasonAdded().isEmpty()) {
            call.reasonAdded(progress.reasonAdded());
        }
        if (cutNow) {
            synchronized (this) {
                if (running == call) {
                    cutReason(call);
                }
            }
            startNext();
        } else if (progress.decision() != null) {
            startNext(); // sets the timer for waiting background work's last moment (it cuts this reason then)
        }
    }

    /** Stops the running call after its decision: its callers get the decision and the reason so far. */
    private void cutReason(ModelCall call) {
        call.stop.run();
        meters.dropped(metered(call), "reason-cut");
        LOG.debugf("%s call cut after its decision to free the model for a more urgent one", call.type);
        complete(call, null, true);
    }

    private void requeue(ModelCall call) {
        call.stop.run();
        stopped(call, clock.nanoTime());
        running = null;
        meters.dropped(metered(call), "requeued");
        call.queuedNanos = clock.nanoTime();
        waiting.add(call);
    }

    private void stop(ModelCall call, String why) {
        call.stop.run();
        running = null;
        byKey.remove(call.key);
        meters.dropped(metered(call), "late");
        if (call.hasDecision()) {
            complete(call, null, true);
        } else {
            stopped(call, clock.nanoTime());
            call.reply.completeExceptionally(new CallDroppedException("stopped: " + why));
        }
    }

    private void finish(ModelCall call, OllamaStats stats, boolean cut) {
        synchronized (this) {
            if (running != call) {
                return;
            }
            complete(call, stats, cut);
        }
        startNext();
    }

    /** Under the lock: the call leaves the queue with what it has. */
    private void complete(ModelCall call, OllamaStats stats, boolean cut) {
        if (running == call) {
            running = null;
        }
        byKey.remove(call.key);
        long now = clock.nanoTime();
        long signalMs = call.signalNanos == 0 ? -1 : (call.signalNanos - call.startedNanos) / 1_000_000;
        long totalMs = (now - call.startedNanos) / 1_000_000;
        String model = call.body.model();
        if (stats == null) {
            stopped(call, now);
        } else {
            admission.answered(call, stats, now);
            if (!call.shadow()) {
                metrics.modelCall(new ModelExchange(model, call.answer.text(), stats.promptEvalCount(), stats.evalCount(),
                        totalMs), call.type);
            }
            if (stats.cutAtLimit() && metered(call) != null) {
                meters.cutAtLimit(call.type);
            }
        }
        call.reply.complete(new ModelReply(call.answer.text(), call.answer.decision(), call.answer.reason(), stats, cut,
                (call.startedNanos - call.queuedNanos) / 1_000_000, signalMs, totalMs, call.piecesAtSignal));
    }

    /**
     * A call stopped before Ollama's final account, which Ollama then never sends: its measurements feed the machine's
     * rates, and what it read and wrote is still counted (the output as streamed until the stop, the prompt estimated
     * from the read, {@link ModelExchange#cut()}); nothing when it wrote nothing, as then its read is not measured.
     */
    private void stopped(ModelCall call, long now) {
        admission.stopped(call, now);
        if (call.pieces > 0 && !call.shadow()) {
            metrics.modelCall(new ModelExchange(call.body.model(), call.answer.text(), admission.promptTokensRead(call),
                    call.pieces, (now - call.startedNanos) / 1_000_000, true), call.type);
        }
    }

    /** The type a call is metered under; none for a shadow call (the analyzer's meters count its own answers). */
    private static AnalysisType metered(ModelCall call) {
        return call.shadow() ? null : call.type;
    }

    private void failed(ModelCall call, Throwable cause) {
        synchronized (this) {
            if (running != call) {
                return;
            }
            if (call.hasDecision()) {
                complete(call, null, true); // the decision stands; only the reason was lost
            } else {
                running = null;
                byKey.remove(call.key);
                if (!call.shadow()) {
                    metrics.modelCallFailed();
                }
                call.reply.completeExceptionally(cause);
            }
        }
        startNext();
    }
}
