package io.signaldesk.analyzer.domain;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Trades of the last 60 s by aggressor side. */
@RegisterForReflection
public record TradeFlow(Integer buyCount, Integer sellCount, BigDecimal buyVolume, BigDecimal sellVolume) {
}
