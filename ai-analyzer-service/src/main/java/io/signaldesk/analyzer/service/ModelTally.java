package io.signaldesk.analyzer.service;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import io.signaldesk.analyzer.domain.ArenaFigures;

/**
 * One model's answers to the desk's entry and exit questions, as the arena compares them: asked, answered with a
 * usable first answer, invalid, skipped (by why), its time to a decision on the model (from the call's start on
 * Ollama, queue wait excluded, so the shadow's idle-time wait does not count against it) and its tokens.
 */
final class ModelTally {

    /** Times to a decision kept for the percentiles (the newest). */
    private static final int KEEP = 2000;

    private long asked;
    private long answered;
    private long invalid;
    private long preempted;
    private final Map<String, Long> skipped = new TreeMap<>();
    private long promptTokens;
    private long outputTokens;
    private long tokenSamples;
    private final long[] signalMs = new long[KEEP];
    private long signals;

    synchronized void asked() {
        asked++;
    }

    synchronized void answered(long decisionMs, int prompt, int output) {
        answered++;
        if (decisionMs >= 0) {
            signalMs[(int) (signals++ % KEEP)] = decisionMs;
        }
        tokens(prompt, output);
    }

    synchronized void invalid(int prompt, int output) {
        invalid++;
        tokens(prompt, output);
    }

    synchronized void skipped(String why) {
        skipped.merge(why, 1L, Long::sum);
    }

    synchronized void preempted(int times) {
        preempted += times;
    }

    private void tokens(int prompt, int output) {
        if (prompt > 0 || output > 0) {
            promptTokens += prompt;
            outputTokens += output;
            tokenSamples++;
        }
    }

    synchronized ArenaFigures figures(String model, Long ramBytes) {
        int n = (int) Math.min(signals, KEEP);
        long[] sorted = Arrays.copyOf(signalMs, n);
        Arrays.sort(sorted);
        long checked = answered + invalid;
        return new ArenaFigures(model, asked, answered, invalid, Map.copyOf(skipped), preempted,
                checked == 0 ? null : (double) answered / checked, percentile(sorted, 0.50), percentile(sorted, 0.95),
                tokenSamples == 0 ? null : (double) promptTokens / tokenSamples,
                tokenSamples == 0 ? null : (double) outputTokens / tokenSamples, ramBytes);
    }

    /** Nearest-rank percentile, or null without samples. */
    static Long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
