package io.signaldesk.common.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);

    @Test
    void doublesEachAttemptUntilTheCapWithoutJitterAtTheMiddleOfTheRange() {
        assertEquals(500, backoff.delay(0, 0.5).toMillis());
        assertEquals(1000, backoff.delay(1, 0.5).toMillis());
        assertEquals(2000, backoff.delay(2, 0.5).toMillis());
        assertEquals(16000, backoff.delay(5, 0.5).toMillis());
        assertEquals(30000, backoff.delay(6, 0.5).toMillis());
        assertEquals(30000, backoff.delay(500, 0.5).toMillis());
    }

    @Test
    void jitterMovesTheWaitByUpToItsShareEitherWayButNeverAboveTheCap() {
        assertEquals(400, backoff.delay(0, 0.0).toMillis());
        assertEquals(600, backoff.delay(0, 0.99999).toMillis(), 1);
        assertEquals(24000, backoff.delay(10, 0.0).toMillis());
        assertEquals(30000, backoff.delay(10, 0.99999).toMillis());
        for (int attempt = 0; attempt < 12; attempt++) {
            long ms = backoff.delay(attempt, Math.random()).toMillis();
            assertTrue(ms >= 1 && ms <= 30000, "attempt " + attempt + " waited " + ms);
        }
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1), 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5));
    }
}
