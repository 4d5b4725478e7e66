package io.signaldesk.core.market;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Order-book imbalance over the top {@code levels} of each side.
 *
 * @param bidShare    bid size / (bid size + ask size), 0-1; null when the book is empty
 * @param bidAskRatio bid size / ask size; null when there are no asks
 * @param levels      levels per side counted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookImbalance(BigDecimal bidShare, BigDecimal bidAskRatio, Integer levels) {
}
