package io.signaldesk.analyzer.service;

import java.util.Map;
import java.util.Optional;

import java.util.List;

import io.signaldesk.analyzer.domain.AnalysisType;

/** One analysis asked for: how to ask the model, how to check its answer in context, and the rules answer. */
public interface AnalysisTask<R> {

    AnalysisType type();

    Class<R> resultType();

    /**
     * The user message for the model: the task line and the market data of the coins asked about. It is all the
     * model reads besides the fixed system prompt, so it is also the answer's cache key.
     */
    String question();

    /** The coins the answer may name (the schema's enum). */
    List<String> coinNames();

    /** What the answer must not contradict in this context (e.g. a coin that was not asked about). */
    default Optional<String> problemWith(R result) {
        return Optional.empty();
    }

    /** Values for fields a line-format answer may leave out. */
    default Map<String, String> answerDefaults() {
        return Map.of();
    }

    R byRules(RuleBasedAnalyzer rules);
}
