package io.signaldesk.common.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/**
 * The one reconnect helper: failed attempts wait initial, 2x, 4x ... up to the cap; a drop waits the initial delay and
 * counts afresh; each wait is announced with its cause. Waits of a few milliseconds; the test waits for conditions, not
 * for time.
 */
class ReconnectorTest {

    /** 1 ms doubling to 4 ms; the random value 0.5 is the middle of the jitter range, so the waits are exact. */
    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(1), Duration.ofMillis(4), 0.2);
    private final List<Long> waits = new CopyOnWriteArrayList<>();
    private final List<Throwable> causes = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    /** An attempt that succeeds opens the connection when this completes (the test holds it to look in between). */
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    private Reconnector reconnector(int failures, CountDownLatch opened) {
        return new Reconnector(backoff, () -> Uni.createFrom().item(attempts::incrementAndGet).onItem().transformToUni(n -> {
            if (n <= failures) {
                return Uni.createFrom().failure(new IllegalStateException("venue away, attempt " + n));
            }
            return Uni.createFrom().completionStage(gate).invoke(opened::countDown).replaceWith(n);
        }), (delay, cause) -> {
            waits.add(delay.toMillis());
            causes.add(cause);
        }, () -> 0.5);
    }

    @Test
    void failedAttemptsBackOffExponentiallyUpToTheCapThenConnect() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        Reconnector reconnector = reconnector(5, opened);
        reconnector.start();
        assertTrue(opened.await(30, TimeUnit.SECONDS), "connected after 5 failed attempts");
        awaitConnected(reconnector);
        assertEquals(6, attempts.get());
        assertEquals(List.of(1L, 2L, 4L, 4L, 4L), waits);
        assertEquals("venue away, attempt 1", causes.get(0).getMessage());
        reconnector.stop();
        assertFalse(reconnector.connected());
    }

    @Test
    void aDropWaitsTheInitialDelayAndConnectsAgain() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        Reconnector reconnector = reconnector(0, first);
        reconnector.start();
        assertTrue(first.await(30, TimeUnit.SECONDS));
        awaitConnected(reconnector);
        assertEquals(List.of(), waits, "the first attempt opened it: no wait");

        gate = new CompletableFuture<>();
        reconnector.dropped();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (attempts.get() < 2 && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertEquals(2, attempts.get(), "a new attempt after the drop");
        assertFalse(reconnector.connected(), "disconnected from the drop until an attempt opens it again");
        gate.complete(null);
        awaitConnected(reconnector);
        assertEquals(2, attempts.get());
        assertEquals(List.of(1L), waits);
        assertNull(causes.get(0), "a drop is not a failed attempt");
        reconnector.stop();
    }

    @Test
    void aStoppedReconnectorIgnoresDropsAndStartsAgainOnRequest() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        Reconnector reconnector = reconnector(0, opened);
        reconnector.stop();
        reconnector.dropped();
        assertEquals(0, attempts.get(), "never started: no attempt");
        assertFalse(reconnector.running());
        reconnector.start();
        assertTrue(opened.await(30, TimeUnit.SECONDS));
        awaitConnected(reconnector);
        reconnector.stop();
        assertFalse(reconnector.connected());
    }

    private static void awaitConnected(Reconnector reconnector) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!reconnector.connected() && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertTrue(reconnector.connected(), "connected");
    }
}
