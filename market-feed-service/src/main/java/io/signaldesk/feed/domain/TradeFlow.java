package io.signaldesk.feed.domain;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Trades of the sliding window split by aggressor side. */
@RegisterForReflection
public record TradeFlow(int buyCount, int sellCount, BigDecimal buyVolume, BigDecimal sellVolume) {
}
