package io.signaldesk.feed.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Order-book imbalance over the top {@code levels} of each side.
 *
 * @param bidShare    bid size / (bid size + ask size), 0-1; null when the book is empty
 * @param bidAskRatio bid size / ask size; null when there are no asks
 * @param levels      levels per side counted (feed.imbalance-depth)
 */
@RegisterForReflection
public record BookImbalance(Double bidShare, Double bidAskRatio, int levels) {
}
