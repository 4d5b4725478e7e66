package io.signaldesk.analyzer.domain;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What this machine does with the model in use, measured from Ollama's own durations: prefill and decode
 * rates, the predicted time to a decision and to a full answer per analysis type, the share of answers that
 * came from the model in the last 15 minutes, and a plain warning when the deadline cannot be met.
 */
@RegisterForReflection
public record MachineReport(
        String model,
        Double prefillTokensPerSecond,
        Double decodeTokensPerSecond,
        Long lastLoadMs,
        Map<AnalysisType, Prediction> predictions,
        Double modelShareLast15m,
        int answersLast15m,
        long deadlineMs,
        List<String> warnings) {

    /** Predicted milliseconds for one analysis of a type, and the token counts behind it (averages). */
    @RegisterForReflection
    public record Prediction(long timeToSignalMs, long fullAnswerMs, double promptTokensEvaluated,
            double tokensToSignal, double outputTokens, int samples) {
    }
}
