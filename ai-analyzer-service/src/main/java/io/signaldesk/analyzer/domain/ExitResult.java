package io.signaldesk.analyzer.domain;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Whether to hold or close an open position. */
@RegisterForReflection
public record ExitResult(
        @Description("HOLD or CLOSE") ExitAction action,
        @Description("1 (guess) to 10 (certain)") int confidence,
        @Description("one short sentence, at most 200 characters") String reason) {

    public ExitResult {
        Checks.present(action, "action");
        Checks.confidence(confidence);
        reason = Checks.reason(reason);
    }
}
