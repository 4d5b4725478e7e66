package io.signaldesk.analyzer.domain;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Order-book imbalance over the top levels: bid share of the volume and bid/ask ratio. */
@RegisterForReflection
public record BookImbalance(BigDecimal bidShare, BigDecimal bidAskRatio, Integer levels) {
}
