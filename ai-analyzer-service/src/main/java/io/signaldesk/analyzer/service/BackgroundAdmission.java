package io.signaldesk.analyzer.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.client.OllamaStats;
import io.signaldesk.analyzer.config.AnalyzerConfig;

/**
 * {@link ModelQueue}'s rules for background work (the scheduled sentiment, the shadow, probes, lesson drafts): the idle
 * window the desk's rhythm leaves ({@link IdleWindow}), each call's predicted cost on this machine ({@link MachineRates},
 * fed by every call, whole or stopped), when waiting work starts, and when a question's answer gives up its reason for
 * the sentiment. Not thread-safe: the queue calls it under its lock.
 */
final class BackgroundAdmission {

    private static final Logger LOG = Logger.getLogger(BackgroundAdmission.class);

    /** Ollama's default keep-alive: a model asked within it is taken to be resident (the desk's own is kept 30 m). */
    static final long RESIDENT_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final MachineRates rates;
    private final IdleWindow window;
    private final long maxDelayNanos;
    private final boolean idleWindow;
    /** When each model last answered here: a model unused for {@link #RESIDENT_NANOS} may have to load first. */
    private final Map<String, Long> lastAnswered = new HashMap<>();

    BackgroundAdmission(MachineRates rates, AnalyzerConfig.Background background, long now) {
        this.rates = rates;
        this.maxDelayNanos = background.maxDelay().toNanos();
        this.idleWindow = background.idleWindow();
        this.window = new IdleWindow(now, background.quiet().toNanos());
    }

    /** A question someone waits on arrived. */
    void arrived(long now) {
        window.arrived(now);
    }

    /** Whether waiting background work {@code call} starts now, the model being free ({@link IdleWindow#admit}). */
    IdleWindow.Admission admit(ModelCall call, boolean urgentWaits, long now) {
        long room = urgentWaits ? 0 : idleWindow ? window.window(now) : IdleWindow.OPEN;
        IdleWindow.Cost cost = cost(call, now);
        IdleWindow.Admission admission = IdleWindow.admit(now, room, cost, call.askedNanos, call.deadlineNanos,
                maxDelayNanos, call.shadow(), window.quietAt());
        if (admission.start()) {
            LOG.debugf("%s background call starts: window %d ms, predicted %s, waited %d ms, to its decision: %s",
                    call.shadow() ? "shadow" : call.type, room == IdleWindow.OPEN ? -1 : room / 1_000_000, cost,
                    (now - call.askedNanos) / 1_000_000, admission.toDecision());
        }
        return admission;
    }

    /**
     * The waiting background work that may not be skipped (the scheduled sentiment) whose last moment
     * ({@link IdleWindow#lastMoment}) comes first; null when none waits, when a question waits ahead of it (served first,
     * it cuts the reason itself) or when the idle window is off.
     */
    private ModelCall due(Iterable<ModelCall> waiting, long now) {
        if (!idleWindow) {
            return null;
        }
        ModelCall due = null;
        long dueAt = Long.MAX_VALUE;
        for (ModelCall call : waiting) {
            if (!call.background) {
                return null;
            }
            long lastMoment = IdleWindow.lastMoment(cost(call, now), call.deadlineNanos);
            if (!call.shadow() && now <= call.deadlineNanos && lastMoment < dueAt) {
                due = call;
                dueAt = lastMoment;
            }
        }
        return due;
    }

    /** When {@link #due} must start at the latest ({@link Long#MAX_VALUE}: nothing due). */
    long lastMoment(Iterable<ModelCall> waiting, long now) {
        ModelCall due = due(waiting, now);
        return due == null ? Long.MAX_VALUE : IdleWindow.lastMoment(cost(due, now), due.deadlineNanos);
    }

    /**
     * At the decision of {@code answer} (a question's): whether its reason gives way to {@link #due}, because no later
     * chance to start it comes before its last moment ({@link IdleWindow#lastChance}), or because, overdue, it fits
     * before the next question only without the reason ({@link IdleWindow#cutReasonFor}, once per sentiment).
     */
    boolean cutsReason(ModelCall answer, Iterable<ModelCall> waiting, long now) {
        ModelCall due = due(waiting, now);
        if (due == null) {
            return false;
        }
        IdleWindow.Cost cost = cost(due, now);
        long room = window.window(now);
        long reasonLeft = rates.outputLeftNanos(answer.body.model(), answer.type, answer.pieces);
        if (IdleWindow.lastChance(now, room, cost, due.askedNanos, due.deadlineNanos, maxDelayNanos, window.quietAt(),
                reasonLeft, now - answer.startedNanos)) {
            return true;
        }
        if (due.reasonCutFor || !IdleWindow.cutReasonFor(now, room, cost, due.askedNanos, maxDelayNanos, reasonLeft)) {
            return false;
        }
        due.reasonCutFor = true;
        return true;
    }

    /** Whether {@code model} answered here within {@link #RESIDENT_NANOS}. */
    boolean resident(String model, long now) {
        Long answered = lastAnswered.get(model);
        return answered != null && now - answered < RESIDENT_NANOS;
    }

    /** The predicted cost of a background call, from the machine's measured rates. */
    private IdleWindow.Cost cost(ModelCall call, long now) {
        IdleWindow.Cost cost = rates.cost(call.body.model(), call.type, call.body.userMessage().length(),
                Prompts.SYSTEM.length(), resident(call.body.model(), now));
        return cost != null ? cost : IdleWindow.Cost.UNMEASURED;
    }

    /** A call answered whole: Ollama's account feeds the rates; its model is resident. */
    void answered(ModelCall call, OllamaStats stats, long now) {
        lastAnswered.put(call.body.model(), now);
        rates.observe(call.body.model(), call.type, stats, call.piecesAtSignal);
    }

    /**
     * A call stopped before Ollama's final account (cut after its decision, put back, stopped late) still feeds the
     * machine's rates with what it measured: its prompt read, its decode, its tokens to the decision
     * ({@link MachineRates#observeStopped}); its model answered, so it is resident. Nothing when it wrote nothing yet.
     */
    void stopped(ModelCall call, long now) {
        if (call.pieces == 0) {
            return;
        }
        String model = call.body.model();
        lastAnswered.put(model, now);
        rates.observeStopped(model, call.type, readNanos(call), call.pieces, call.lastPieceNanos - call.firstPieceNanos,
                call.piecesAtSignal, call.resident);
    }

    /**
     * The prompt tokens a call stopped before Ollama's account read, estimated: its measured read at its model's
     * measured prefill rate ({@link MachineRates#promptTokensRead}); 0 when it wrote nothing or either is unknown.
     */
    int promptTokensRead(ModelCall call) {
        return call.pieces == 0 ? 0 : rates.promptTokensRead(call.body.model(), readNanos(call), call.resident);
    }

    /** From the request to the first piece, less one token's decode: the first piece ends the read plus one token (as OllamaStats.of). */
    private static long readNanos(ModelCall call) {
        long decodeNanos = call.lastPieceNanos - call.firstPieceNanos;
        return call.pieces > 1 ? call.firstPieceNanos - call.startedNanos - decodeNanos / (call.pieces - 1) : 0;
    }
}
