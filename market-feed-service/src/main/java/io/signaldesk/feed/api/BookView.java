package io.signaldesk.feed.api;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.Venue;

/** Top of the L2 book of one coin: bids best (highest) first, asks best (lowest) first. */
@RegisterForReflection
public record BookView(String coin, String symbol, Venue venue, int depth, List<PriceLevel> bids,
        List<PriceLevel> asks, int bidLevels, int askLevels, Instant updatedAt) {
}
