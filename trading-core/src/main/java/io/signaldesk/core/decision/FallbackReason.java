package io.signaldesk.core.decision;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Why the rules answered instead of the model. The first five are the analyzer's own reasons (sent in its answer);
 * the last three are the decision service's when no usable analyzer answer arrived (TIMEOUT and CIRCUIT_OPEN are
 * also said by the decision service of its own call).
 */
public enum FallbackReason {
    /** Analyzer: the model's decision was not known by the deadline. */
    TIMEOUT,
    /** Analyzer: Ollama unreachable or failing. */
    MODEL_DOWN,
    /** Analyzer: the model's answer was invalid twice. */
    INVALID_OUTPUT,
    /** Analyzer or decision service: the circuit breaker is open. */
    CIRCUIT_OPEN,
    /** Analyzer: it runs in RULES mode. */
    MODE_RULES,
    /** Decision service: the analyzer could not be reached. */
    ANALYZER_DOWN,
    /** Decision service: the analyzer's answer could not be read. */
    INVALID_ANSWER,
    /** Decision service: the analyzer answered from its rules without saying why. */
    ANALYZER_RULES;

    /** The reasons the analyzer itself gives for answering from its rules (its metrics are tagged with these). */
    public static Set<FallbackReason> analyzerReasons() {
        return EnumSet.of(TIMEOUT, MODEL_DOWN, INVALID_OUTPUT, CIRCUIT_OPEN, MODE_RULES);
    }

    /** MODE_RULES as a trader reads it: an operator switched the analyzer to its rules. */
    public static final String FORCED_TO_RULES = "the analyzer is forced to rules by an operator";

    /** A reason as a trader reads it: MODE_RULES in words (with its code), any other as its code. */
    public static String words(String reason) {
        return parse(reason).filter(r -> r == MODE_RULES).map(r -> FORCED_TO_RULES + " (MODE_RULES)").orElse(reason);
    }

    /** A model failure as safe mode records it ("RULES MODE_RULES"): the operator's switch named as the cause. */
    public static String failure(String detail) {
        return detail != null && detail.contains(MODE_RULES.name()) ? detail + ": " + FORCED_TO_RULES : detail;
    }

    /** The reason with this name, case-insensitive; empty for anything else. */
    public static Optional<FallbackReason> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (FallbackReason reason : values()) {
            if (reason.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
