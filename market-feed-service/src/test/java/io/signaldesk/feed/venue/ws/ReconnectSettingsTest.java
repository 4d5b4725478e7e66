package io.signaldesk.feed.venue.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signaldesk.feed.config.FeedConfig;

/** The venues' reconnect policy (service-common's ReconnectBackoff) from the feed.reconnect.* keys. */
class ReconnectSettingsTest {

    @Test
    void readsItsSettingsFromFeedReconnectKeys() {
        FeedConfig config = VenueTestSupport.feedConfig(Map.of("feed.reconnect.initial-backoff", "250ms",
                "feed.reconnect.max-backoff", "2s"));
        assertEquals(Duration.ofMillis(250), config.reconnect().initialBackoff());
        assertEquals(Duration.ofSeconds(2), config.reconnect().maxBackoff());
        assertEquals(0.2, config.reconnect().jitter());
    }
}
