package io.signaldesk.analyzer.domain;

import java.math.BigDecimal;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Position size and stop-loss proposed before a trade. */
@RegisterForReflection
public record RiskResult(
        @Description("position size in percent of equity, 0 to 100") BigDecimal positionSizePct,
        @Description("stop-loss distance in percent of the entry price, above 0 and at most 50") BigDecimal stopLossPct,
        @Description("1 (guess) to 10 (certain)") int confidence,
        @Description("one short sentence, at most 200 characters") String reason) {

    /** A stop-loss wider than this is not a stop-loss. */
    public static final BigDecimal MAX_STOP_LOSS_PCT = BigDecimal.valueOf(50);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RiskResult {
        Checks.present(positionSizePct, "positionSizePct");
        Checks.present(stopLossPct, "stopLossPct");
        if (positionSizePct.signum() < 0 || positionSizePct.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("positionSizePct must be 0-100, was " + positionSizePct.toPlainString());
        }
        if (stopLossPct.signum() <= 0 || stopLossPct.compareTo(MAX_STOP_LOSS_PCT) > 0) {
            throw new IllegalArgumentException("stopLossPct must be above 0 and at most 50, was " + stopLossPct.toPlainString());
        }
        Checks.confidence(confidence);
        reason = Checks.reason(reason);
    }
}
