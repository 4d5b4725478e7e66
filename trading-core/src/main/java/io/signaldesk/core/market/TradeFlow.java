package io.signaldesk.core.market;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Trades of the sliding window (60 s) split by aggressor side: counts and base-asset volumes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TradeFlow(Integer buyCount, Integer sellCount, BigDecimal buyVolume, BigDecimal sellVolume) {
}
