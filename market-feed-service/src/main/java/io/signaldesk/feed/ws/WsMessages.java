package io.signaldesk.feed.ws;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.feed.domain.FeedIdentity;

/** Frames the server sends on /ws/market. */
final class WsMessages {

    private WsMessages() {
    }

    @RegisterForReflection
    record Snapshot(String type, Instant asOf, FeedIdentity feed, List<CoinSnapshot> coins) {
        Snapshot(Instant asOf, FeedIdentity feed, List<CoinSnapshot> coins) {
            this("snapshot", asOf, feed, coins);
        }
    }

    @RegisterForReflection
    record Subscribed(String type, List<String> coins, String interval) {
        Subscribed(List<String> coins, String interval) {
            this("subscribed", coins, interval);
        }
    }

    /** {@code field}: the client field at fault ({@code interval}, {@code subscribe}), left out when it is the frame. */
    @RegisterForReflection
    record Error(String type, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String field) {
        Error(String message) {
            this("error", message, null);
        }

        Error(String message, String field) {
            this("error", message, field);
        }
    }
}
