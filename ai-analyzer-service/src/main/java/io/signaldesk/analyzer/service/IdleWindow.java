package io.signaldesk.analyzer.service;

/**
 * When the next urgent question is expected, from the rhythm of the last ones, so that background work (the scheduled
 * sentiment, the shadow model, a lesson) starts only where it fits: Ollama reads a prompt without interruption, so a
 * background call whose prompt read is still running when a question arrives holds that question until the read ends.
 * <p>
 * Questions that arrive within {@link #BURST_NANOS} of each other count as one arrival (the engine asks about several
 * coins at once); the next arrival is expected the median of the last {@link #GAPS} gaps after the last one (the lower
 * median: one late first question does not shrink every window, and a question that comes early costs a background
 * call at most its prompt read, since it is put back at the next token). Once the longest of those gaps has passed twice over with no question, the desk is quiet and the
 * window is open. Without a rhythm yet (at start, after a first question) it opens after a set quiet time. Not thread-safe: {@link ModelQueue} calls it under its lock. Times are {@link System#nanoTime()}.
 */
final class IdleWindow {

    static final long BURST_NANOS = 250_000_000L;
    static final int GAPS = 8;
    /** No question expected: any background work fits. */
    static final long OPEN = Long.MAX_VALUE;
    private final long[] gaps = new long[GAPS];
    private final long createdAt;
    private final long quietWithoutRhythm;
    private int gapCount;
    private int nextGap;
    private boolean anyArrival;
    private long lastArrival;

    /**
     * @param now when the queue opens ({@link System#nanoTime()})
     * @param quietWithoutRhythm with no rhythm measured yet (nobody asked, or one question so far), how long without a
     *        question counts as quiet
     */
    IdleWindow(long now, long quietWithoutRhythm) {
        this.createdAt = now;
        this.quietWithoutRhythm = quietWithoutRhythm;
    }

    /** An urgent question arrived at {@code now}. */
    void arrived(long now) {
        if (anyArrival) {
            long gap = now - lastArrival;
            if (gap < BURST_NANOS) {
                return; // part of the same burst: the burst's first question stays the arrival
            }
            gaps[nextGap] = gap;
            nextGap = (nextGap + 1) % GAPS;
            gapCount = Math.min(GAPS, gapCount + 1);
        }
        anyArrival = true;
        lastArrival = now;
    }

    /** Nanoseconds until the next urgent question is expected ({@link #OPEN} when none is; 0 when it is due). */
    long window(long now) {
        if (now >= quietAt()) {
            return OPEN;
        }
        if (gapCount == 0) {
            return 0; // no rhythm yet: a question may come any moment
        }
        return Math.max(0, lastArrival + median() - now);
    }

    /**
     * When the desk counts as quiet if nobody asks before then: the longest recent gap twice over; without a rhythm yet,
     * {@code quietWithoutRhythm} after the start or the first question.
     */
    long quietAt() {
        if (!anyArrival) {
            return createdAt + quietWithoutRhythm;
        }
        return gapCount == 0 ? lastArrival + quietWithoutRhythm : lastArrival + 2 * longest();
    }

    private long median() {
        long[] sorted = java.util.Arrays.copyOf(gaps, gapCount);
        java.util.Arrays.sort(sorted);
        return sorted[(gapCount - 1) / 2];
    }

    private long longest() {
        long max = 0;
        for (int i = 0; i < gapCount; i++) {
            max = Math.max(max, gaps[i]);
        }
        return max;
    }

    /**
     * What a background call costs on the model before it can be cut without holding anyone: a load when its model is
     * not resident, its prompt read (uninterruptible), then the output up to its decision (interruptible at any token).
     */
    record Cost(long loadNanos, long prefillNanos, long toDecisionNanos, boolean measured) {

        /** Before the machine's rates are measured (the start's priming call gives no decode rate): a second each. */
        static final Cost UNMEASURED = new Cost(0, 1_000_000_000L, 1_000_000_000L, false);

        /** A cost measured on this machine (the analysis's own tokens at its rates; {@code measured} false: a guess). */
        Cost(long loadNanos, long prefillNanos, long toDecisionNanos) {
            this(loadNanos, prefillNanos, toDecisionNanos, true);
        }

        long promptRead() {
            return loadNanos + prefillNanos;
        }

        long toDecision() {
            return loadNanos + prefillNanos + toDecisionNanos;
        }
    }

    /**
     * Whether a waiting background call starts now.
     *
     * @param start start it now
     * @param toDecision once started, it is not put back before its decision (it waited long enough; see {@link #admit})
     * @param retryAt when to ask again if nothing else happens first ({@link Long#MAX_VALUE}: only when the model frees)
     */
    record Admission(boolean start, boolean toDecision, long retryAt) {
    }

    /** Prediction error allowed for: a fifth of the prediction plus a fixed 100 ms (a loaded machine's scheduling). */
    static long withMargin(long nanos) {
        return nanos + nanos / 5 + SCHEDULING_NANOS;
    }

    /** The fixed part of {@link #withMargin}: a loaded machine's scheduling. */
    static final long SCHEDULING_NANOS = 100_000_000L;

    /**
     * Whether the answer the model is writing for a question, at its decision, gives up its reason so that an overdue
     * background call (the scheduled sentiment, {@code maxDelay} waited) runs now: only when the call's prediction up to
     * its decision, plus the fixed {@link #withMargin} allowance, does not fit the window once the reason has ended
     * ({@code reasonLeft} at the measured decode rate) but fits it now (and its prompt read with the whole margin, as
     * {@link #admit} starts an overdue call). Overdue, it would run to its decision after the reason anyway and hold the
     * next question; started now it is done before it. A trader's reason is cut only on measured figures, never on a
     * guess (a first sentiment's cost, estimated from its length, cut reasons on the emulated M1 8 GB where it fitted
     * after them). The caller allows one cut per background call.
     */
    static boolean cutReasonFor(long now, long window, Cost cost, long queuedAt, long maxDelay, long reasonLeft) {
        if (!cost.measured() || window == OPEN || now < queuedAt + maxDelay) {
            return false;
        }
        long needs = cost.toDecision() + SCHEDULING_NANOS;
        boolean fitsAfterReason = window - reasonLeft >= needs;
        boolean fitsIfCut = window >= needs && window >= withMargin(cost.promptRead());
        return !fitsAfterReason && fitsIfCut;
    }

    /** The latest a background call that may not be skipped can start and still have its decision by {@code deadline}. */
    static long lastMoment(Cost cost, long deadline) {
        return deadline - withMargin(cost.toDecision());
    }

    /**
     * Whether the answer the model is writing for a question, at its decision, gives up its reason for a waiting
     * background call that may not be skipped (the scheduled sentiment), because no later chance to start it comes
     * before its {@link #lastMoment}: it would not be admitted when this answer ends ({@code reasonLeft} from now), and
     * the next question's decision (expected {@code window} from now, plus {@code toDecision}, the time this answer took
     * to its decision) comes after its last moment. Started here it holds the next question least; started at its last
     * moment, which may fall just before a question, it may hold that question past its deadline.
     */
    static boolean lastChance(long now, long window, Cost cost, long queuedAt, long deadline, long maxDelay, long quietAt,
            long reasonLeft, long toDecision) {
        long lastMoment = lastMoment(cost, deadline);
        if (now >= lastMoment) {
            return true;
        }
        if (window == OPEN) {
            return false;
        }
        long freeAt = now + reasonLeft;
        boolean startsThen = freeAt < lastMoment
                && admit(freeAt, Math.max(0, window - reasonLeft), cost, queuedAt, deadline, maxDelay, false, quietAt).start();
        return !startsThen && now + window + toDecision >= lastMoment;
    }

    /**
     * The admission rule for a background call, given the model is free and no urgent question waits. It starts when
     * everything up to its decision fits before the next expected question (then it is put back, or cut after its
     * decision, when one comes early). A call that may not be skipped (the scheduled sentiment, which has a deadline
     * of its own) and has waited {@code maxDelay} starts when at least its prompt read fits, and then runs to its
     * decision (checked when the model frees, at the start of a window); at the last moment its deadline allows, it
     * starts whatever the window. A call that may be skipped (the
     * shadow) starts only when its load and prompt read fit, and is skipped at its deadline otherwise.
     *
     * @param cost the predicted cost
     */
    static Admission admit(long now, long window, Cost cost, long queuedAt, long deadline, long maxDelay, boolean skippable,
            long quietAt) {
        if (window == OPEN) {
            return new Admission(true, false, Long.MAX_VALUE);
        }
        if (skippable) {
            return window >= withMargin(cost.promptRead()) ? new Admission(true, false, Long.MAX_VALUE)
                    : new Admission(false, false, quietAt);
        }
        if (window >= withMargin(cost.toDecision())) {
            return new Admission(true, false, Long.MAX_VALUE);
        }
        long overdueAt = queuedAt + maxDelay;
        if (now >= overdueAt && window >= withMargin(cost.promptRead())) {
            return new Admission(true, true, Long.MAX_VALUE);
        }
        long lastMoment = lastMoment(cost, deadline);
        if (now >= lastMoment) {
            return new Admission(true, true, Long.MAX_VALUE);
        }
        // an overdue call is started when the model frees (a window begins), not in the middle of one
        return new Admission(false, false, Math.min(quietAt, lastMoment));
    }
}
