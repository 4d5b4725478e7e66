package io.signaldesk.analyzer.domain;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What this machine does with the model in use, measured from Ollama's own durations: prefill and decode
 * rates, the predicted time to a decision and to a full answer per analysis type, the answers of the last 15 minutes
 * by source (a model call, the cache of earlier model answers, the rules: never one counted as another), and a plain
 * warning when the deadline cannot be met.
 */
@RegisterForReflection
public record MachineReport(
        String model,
        Double prefillTokensPerSecond,
        Double decodeTokensPerSecond,
        Long lastLoadMs,
        Map<AnalysisType, Prediction> predictions,
        /** Share of the last 15 minutes' answers that a model call gave (cache hits and rules excluded). */
        Double modelShareLast15m,
        /** Share of them that came from the rules (fallbacks). */
        Double rulesShareLast15m,
        int answersLast15m,
        long modelAnswersLast15m,
        long cacheAnswersLast15m,
        long rulesAnswersLast15m,
        long deadlineMs,
        List<String> warnings) {

    /** Predicted milliseconds for one analysis of a type, and the token counts behind it (averages). */
    @RegisterForReflection
    public record Prediction(long timeToSignalMs, long fullAnswerMs, double promptTokensEvaluated,
            double tokensToSignal, double outputTokens, int samples) {
    }
}
