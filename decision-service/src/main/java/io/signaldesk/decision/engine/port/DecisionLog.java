package io.signaldesk.decision.engine.port;

import io.signaldesk.decision.domain.Decision;

/** The audit trail of the engine's decisions. */
public interface DecisionLog {

    void insert(Decision decision);

    /** Replaces the {@code placeholder} of a decision acted on before the model wrote its reason. */
    void amendAiReason(Decision decision, String placeholder, String reason);
}
