package io.signaldesk.feed.ws;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.feed.domain.CoinSnapshot;

/** Frames the server sends on /ws/market. */
final class WsMessages {

    private WsMessages() {
    }

    @RegisterForReflection
    record Snapshot(String type, Instant asOf, List<CoinSnapshot> coins) {
        Snapshot(Instant asOf, List<CoinSnapshot> coins) {
            this("snapshot", asOf, coins);
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
