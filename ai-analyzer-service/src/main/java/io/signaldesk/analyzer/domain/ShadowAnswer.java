package io.signaldesk.analyzer.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the shadow model made of one question (POST /api/ai/shadow/entry|exit): ANSWERED with its checked result,
 * INVALID (its answer failed the check; no reprompt on idle time), SKIPPED (no idle model time in time, or the
 * backlog full: {@code reason} says which), OFF or REFUSED (with the reason).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShadowAnswer(String status, String model, ObjectNode result, String reason, Long decisionMs,
        Integer promptTokens, Integer completionTokens) {

    public static ShadowAnswer not(String status, String model, String reason) {
        return new ShadowAnswer(status, model, null, reason, null, null, null);
    }
}
