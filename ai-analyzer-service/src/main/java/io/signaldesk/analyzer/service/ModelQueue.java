package io.signaldesk.analyzer.service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.signaldesk.analyzer.ai.AnswerStream;
import io.signaldesk.analyzer.ai.ModelExchange;
import io.signaldesk.analyzer.ai.ModelQuestion;
import io.signaldesk.analyzer.client.ChatStreamListener;
import io.signaldesk.analyzer.client.OllamaClient;
import io.signaldesk.analyzer.client.OllamaStats;
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
 */
@ApplicationScoped
public class ModelQueue {

    private static final Logger LOG = Logger.getLogger(ModelQueue.class);

    private final OllamaClient ollama;
    private final AnalyzerMeters meters;
    private final MachineRates rates;
    private final AiMetricsService metrics;
    private final AtomicLong sequence = new AtomicLong();
    private final PriorityQueue<ModelCall> waiting = new PriorityQueue<>(
            Comparator.comparingInt((ModelCall call) -> -call.priority).thenComparingLong(call -> call.seq));
    private final Map<String, ModelCall> byKey = new HashMap<>();
    private ModelCall running;

    public ModelQueue(OllamaClient ollama, AnalyzerMeters meters, MachineRates rates,
            AiMetricsService metrics) {
        this.ollama = ollama;
        this.meters = meters;
        this.rates = rates;
        this.metrics = metrics;
    }

    /** The priming call after a start or a model switch: lowest priority, never coalesced with a question. */
    public ModelCall prime(ModelQuestion body) {
        ModelCall call;
        synchronized (this) {
            call = new ModelCall("prime|" + sequence.get(), null, 0, sequence.incrementAndGet(), body, List.of(),
                    Long.MAX_VALUE);
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
     * Queues a shadow model's question ({@link ShadowService}): never coalesced, started only when nothing else waits,
     * and put back the moment anything else is asked (cut after its decision if it has one), so it never delays other
     * work; dropped unasked at {@code deadlineNanos}.
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
            call = new ModelCall("shadow|" + seq, type, SHADOW, seq, body, decisionFields, deadlineNanos);
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
        ModelCall call;
        int priority = priority(type, desk);
        synchronized (this) {
            ModelCall same = byKey.get(key);
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
                        deadlineNanos);
                byKey.put(key, call);
                waiting.add(call);
                makeWay(call);
            }
        }
        startNext();
        return call;
    }

    /** Frees the model for {@code urgent} if the running call should give way (see the class policy). */
    private void makeWay(ModelCall urgent) {
        ModelCall current = running;
        if (current == null) {
            return;
        }
        boolean late = System.nanoTime() > current.deadlineNanos;
        if (current.shadow() && urgent.priority > SHADOW) {
            // the shadow never holds the model: cut after its decision, else put back whatever it has read
            current.preemptions++;
            if (current.hasDecision()) {
                cutReason(current);
            } else {
                requeue(current);
            }
        } else if (late) {
            stop(current, "its callers gave up and newer work waits");
        } else if (current.priority < urgent.priority) {
            if (current.hasDecision()) {
                cutReason(current);
            } else if (current.pieces == 0 || current.preemptions == 0) {
                // in its prompt, waiting for it would cost the urgent call the whole prefill and the decision
                current.preemptions++;
                requeue(current);
            }
            // writing, and preempted once already: it runs to its decision, then is cut (see content())
        }
    }

    /** Starts the most urgent waiting call if the model is free. Under the lock, so a running call always has its stream. */
    private synchronized void startNext() {
        if (running != null) {
            return;
        }
        long now = System.nanoTime();
        ModelCall next;
        while ((next = waiting.poll()) != null && now > next.deadlineNanos) {
            byKey.remove(next.key);
            meters.dropped(metered(next), "stale");
            next.reply.completeExceptionally(new CallDroppedException("dropped unasked: its callers gave up"));
        }
        if (next == null) {
            return;
        }
        running = next;
        next.answer = new AnswerStream(next.decisionFields);
        next.startedNanos = now;
        next.pieces = 0;
        meters.queueWait(metered(next), now - next.queuedNanos);
        ModelCall call = next;
        call.stream = ollama.chat(call.body, new ChatStreamListener() {
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

    private void content(ModelCall call, String piece) {
        AnswerStream.Progress progress;
        boolean cutNow = false;
        synchronized (this) {
            if (running != call) {
                return;
            }
            call.pieces++;
            progress = call.answer.accept(piece);
            if (progress.decision() != null) {
                call.signalNanos = System.nanoTime();
                call.piecesAtSignal = call.pieces;
                ModelCall head = waiting.peek();
                cutNow = head != null && head.priority > call.priority;
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
        }
    }

    /** Stops the running call after its decision: its callers get the decision and the reason so far. */
    private void cutReason(ModelCall call) {
        call.stream.cancel();
        meters.dropped(metered(call), "reason-cut");
        LOG.debugf("%s call cut after its decision to free the model for a more urgent one", call.type);
        complete(call, null, true);
    }

    private void requeue(ModelCall call) {
        call.stream.cancel();
        running = null;
        meters.dropped(metered(call), "requeued");
        call.queuedNanos = System.nanoTime();
        waiting.add(call);
    }

    private void stop(ModelCall call, String why) {
        call.stream.cancel();
        running = null;
        byKey.remove(call.key);
        meters.dropped(metered(call), "late");
        if (call.hasDecision()) {
            complete(call, null, true);
        } else {
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
        long now = System.nanoTime();
        long signalMs = call.signalNanos == 0 ? -1 : (call.signalNanos - call.startedNanos) / 1_000_000;
        long totalMs = (now - call.startedNanos) / 1_000_000;
        String model = call.body.model();
        if (stats != null) {
            rates.observe(model, call.type, stats, call.piecesAtSignal);
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
