package io.signaldesk.decision.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FeedPublishIntervalTest {

    @Test
    void takesWholeMillisecondsFromOneMillisecondToAMinute() {
        assertEquals(10, FeedClient.publishIntervalMillis(Duration.ofMillis(10)));
        assertEquals(1, FeedClient.publishIntervalMillis(Duration.ofMillis(1)));
        assertEquals(60_000, FeedClient.publishIntervalMillis(Duration.ofSeconds(60)));
    }

    @Test
    void refusesAnythingElseAtStartNamingTheKey() {
        for (Duration bad : new Duration[] { Duration.ZERO, Duration.ofMillis(-5), Duration.ofNanos(1_500_000),
                Duration.ofSeconds(61) }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> FeedClient.publishIntervalMillis(bad));
            assertTrue(refused.getMessage().contains("decision.feed.publish-interval"), refused.getMessage());
        }
    }
}
