package io.signaldesk.analyzer.domain;

import java.util.Map;

/**
 * One model's figures on the desk's entry and exit questions (GET /api/ai/shadow): questions asked, usable first
 * answers, invalid ones, skipped ones by why, how often it was put back for other work, the valid-output rate
 * (usable first answers of those checked), time to a decision on the model p50/p95 (ms from the call's start on
 * Ollama), mean prompt tokens evaluated and output tokens per answer, and the memory Ollama says it holds (null when
 * not loaded).
 */
public record ArenaFigures(String model, long asked, long answered, long invalid, Map<String, Long> skipped,
        long preempted, Double validOutputRate, Long decisionMsP50, Long decisionMsP95, Double promptTokensMean,
        Double outputTokensMean, Long ramBytes) {
}
