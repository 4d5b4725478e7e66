package io.signaldesk.decision.engine.port;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.market.CoinSnapshot;

/** A frame from the feed's /ws/market: snapshot (with the feed's identity), subscribed or error. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedMessage(String type, Instant asOf, List<CoinSnapshot> coins, String message, FeedIdentity feed) {

    public FeedMessage(String type, Instant asOf, List<CoinSnapshot> coins, String message) {
        this(type, asOf, coins, message, null);
    }

    /** The feed's identity, {@link FeedIdentity#UNKNOWN} when the frame carries none. */
    public FeedIdentity identity() {
        return feed == null || feed.market() == null ? FeedIdentity.UNKNOWN : feed;
    }
}
