package io.signaldesk.market.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import org.junit.jupiter.api.Test;

/** Emissions on market time, interval 100 ms, with the coin's state (a counter of applied changes) at each emission. */
class MarketTimeCoalescerTest {

    private static final Instant T0 = Instant.parse("2024-08-08T23:54:15Z");

    private final Map<String, Integer> state = new HashMap<>();
    private final List<String> emitted = new ArrayList<>();
    private long millis;
    private final MarketTimeCoalescer coalescer = new MarketTimeCoalescer(Duration.ofMillis(100),
            coin -> emitted.add(coin + "#" + state.getOrDefault(coin, 0) + "@" + this.millis));

    /** One event of {@code coin} at {@code atMillis}: market time advances first, then the change is applied. */
    private void event(String coin, long atMillis) {
        millis = atMillis;
        coalescer.advanceTo(T0.plusMillis(atMillis));
        state.merge(coin, 1, Integer::sum);
        coalescer.changed(coin);
    }

    @Test
    void theFirstChangeIsEmittedAtOnceAndTheNextOnesWhenTheIntervalHasPassed() {
        event("BTC", 0);
        event("BTC", 30);
        event("BTC", 60);
        event("BTC", 120); // the interval [0, 100) ended: the pending state (#3) first, then this change waits

        assertEquals(List.of("BTC#1@0", "BTC#3@120"), emitted);
    }

    @Test
    void aChangeAnIntervalAfterTheLastEmissionIsALeadingEdge() {
        event("BTC", 0);
        event("BTC", 100);
        event("BTC", 250);

        assertEquals(List.of("BTC#1@0", "BTC#2@100", "BTC#3@250"), emitted);
    }

    @Test
    void anotherCoinsEventEmitsTheDueCoinBeforeItIsApplied() {
        event("BTC", 0);
        event("BTC", 40);
        event("ETH", 150);

        assertEquals(List.of("BTC#1@0", "BTC#2@150", "ETH#1@150"), emitted);
    }

    @Test
    void theEndFlushesWhatIsPendingAndNothingElse() {
        event("BTC", 0);
        event("ETH", 10);
        event("ETH", 20);
        event("BTC", 50);
        coalescer.flush();
        coalescer.flush();

        assertEquals(List.of("BTC#1@0", "ETH#1@10", "ETH#2@50", "BTC#2@50"), emitted);
    }

    @Test
    void marketTimeNeverGoesBack() {
        event("BTC", 200);
        event("BTC", 150); // a late event (another symbol's clock): still within the interval of 200
        event("BTC", 299);
        event("BTC", 300);

        assertEquals(List.of("BTC#1@200", "BTC#3@300"), emitted);
    }
}
