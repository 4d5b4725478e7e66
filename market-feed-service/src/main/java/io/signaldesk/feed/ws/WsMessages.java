package io.signaldesk.feed.ws;

import java.time.Instant;
import java.util.List;

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
    record Subscribed(String type, List<String> coins) {
        Subscribed(List<String> coins) {
            this("subscribed", coins);
        }
    }

    @RegisterForReflection
    record Error(String type, String message) {
        Error(String message) {
            this("error", message);
        }
    }
}
