package io.signaldesk.analyzer.domain;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Whether to enter a proposed trade. */
@RegisterForReflection
public record EntryResult(
        @Description("true to enter the trade, false to skip it") Boolean enter,
        @Description("1 (guess) to 10 (certain)") int confidence,
        @Description("one short sentence, at most 200 characters") String reason) {

    public EntryResult {
        Checks.present(enter, "enter");
        Checks.confidence(confidence);
        reason = Checks.reason(reason);
    }
}
