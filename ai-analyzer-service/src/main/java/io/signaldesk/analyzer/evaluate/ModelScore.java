package io.signaldesk.analyzer.evaluate;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.evaluation.Calibration;
import io.signaldesk.core.evaluation.DirectionAccuracy;

/**
 * One model's row of the comparison: the product's columns (response time p50, quality score, RAM used)
 * and the detail behind them. Rates are 0..1 with 4 decimals; a hit rate is null when nothing was scored. A hit rate
 * counts a WAIT inside the flat band as a hit; {@code direction1m}/{@code direction5m} count only the LONG/SHORT calls
 * whose move passed the band (the trading core's {@link DirectionAccuracy}: Wilson 95 % interval, p against 50 %), and
 * {@code alwaysLong5m} is the share of those 5-minute moves that went up (the always-long baseline);
 * {@code calibration5m} sets the stated confidence (c/10) beside the 5-minute direction (Brier, reliability by bucket).
 */
@RegisterForReflection
public record ModelScore(String model, int analyses, long p50Ms, long p95Ms, BigDecimal tokensPerSecond,
        BigDecimal validOutputRate, BigDecimal repromptRate, BigDecimal fallbackRate, BigDecimal hitRate1m,
        int scored1m, BigDecimal hitRate5m, int scored5m, int qualityScore, Long ramBytes, DirectionAccuracy direction1m,
        DirectionAccuracy direction5m, DirectionAccuracy alwaysLong5m, Calibration calibration5m) {
}
