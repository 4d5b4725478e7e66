package io.signaldesk.analyzer.evaluate;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One model's row of the comparison: the product's columns (response time p50, quality score, RAM used)
 * and the detail behind them. Rates are 0..1 with 4 decimals; a hit rate is null when nothing was scored.
 */
@RegisterForReflection
public record ModelScore(String model, int analyses, long p50Ms, long p95Ms, BigDecimal tokensPerSecond,
        BigDecimal validOutputRate, BigDecimal repromptRate, BigDecimal fallbackRate, BigDecimal hitRate1m,
        int scored1m, BigDecimal hitRate5m, int scored5m, int qualityScore, Long ramBytes) {
}
