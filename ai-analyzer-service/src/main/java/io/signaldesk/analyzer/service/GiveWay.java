package io.signaldesk.analyzer.service;

/**
 * {@link ModelQueue}'s policy for a running call when a more urgent one waits (its class comment): background work never
 * holds the model; a call past its deadline stops; a less urgent call is cut once its decision is written, put back while
 * Ollama still evaluates its prompt, and put back once at most while it writes. Decides only: the queue, under its lock,
 * does what it says.
 */
final class GiveWay {

    /** What the running call does for the urgent one. */
    enum Step {
        /** Runs on (to its decision at least; then {@link #cutsReason} says whether it is cut). */
        KEEP,
        /** Cut now, after its decision: its callers get the decision and the reason so far. */
        CUT_REASON,
        /** Put back (counted as a preemption): cut after its decision if it has one, else queued again. */
        PUT_BACK,
        /** Stopped: its callers gave up and newer work waits. */
        STOP
    }

    private GiveWay() {
    }

    /** What {@code current}, running, does when {@code urgent} is queued at {@code now}. */
    static Step forUrgent(ModelCall current, ModelCall urgent, long now) {
        boolean late = now > current.deadlineNanos;
        boolean putBack = current.shadow() && urgent.priority > ModelQueue.SHADOW
                || current.background && !current.toDecision && !urgent.background;
        if (putBack) {
            // background work never holds the model: cut after its decision, else put back whatever it has read
            return Step.PUT_BACK;
        }
        if (late) {
            return Step.STOP;
        }
        if (current.background && !urgent.background) {
            // it waited long enough to run to its decision: cut then (see cutsReason), or now if it has it
            return current.hasDecision() ? Step.CUT_REASON : Step.KEEP;
        }
        if (current.priority < urgent.priority) {
            if (current.hasDecision()) {
                return Step.CUT_REASON;
            }
            if (current.pieces == 0 || current.preemptions == 0) {
                // in its prompt, waiting for it would cost the urgent call the whole prefill and the decision
                return Step.PUT_BACK;
            }
            // writing, and preempted once already: it runs to its decision, then is cut (see cutsReason)
        }
        return Step.KEEP;
    }

    /** Whether {@code waiter} cuts {@code current}'s reason: more urgent, and not background work unless over the shadow. */
    static boolean cutsReason(ModelCall waiter, ModelCall current) {
        if (current.background && !waiter.background) {
            return true;
        }
        return waiter.priority > current.priority && (!waiter.background || current.shadow());
    }
}
