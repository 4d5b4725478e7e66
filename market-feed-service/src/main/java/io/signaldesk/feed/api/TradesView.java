package io.signaldesk.feed.api;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.market.domain.Venue;

/** The latest trades of one coin, newest first. */
@RegisterForReflection
public record TradesView(String coin, String symbol, Venue venue, int limit, List<TradeView> trades) {
}
