package io.signaldesk.decision.domain;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The risk governor's answer for one entry: allowed at {@code size} (resized down when {@code resizedBy}
 * names the limit that cut it), or refused by the limit {@code refusedBy}; {@code reason} says it in words.
 */
@RegisterForReflection
public record RiskVerdict(boolean allowed, BigDecimal size, String refusedBy, String resizedBy, String reason) {

    public static RiskVerdict allow(BigDecimal size) {
        return new RiskVerdict(true, size, null, null, null);
    }

    public static RiskVerdict resize(BigDecimal size, String limit, String reason) {
        return new RiskVerdict(true, size, null, limit, reason);
    }

    public static RiskVerdict refuse(String limit, String reason) {
        return new RiskVerdict(false, null, limit, null, reason);
    }
}
