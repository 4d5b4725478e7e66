package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The engine thread: replay frames wait in order up to a bound, and beyond it are refused and counted; live work coalesces. */
class EngineExecutorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EngineExecutor executor = new EngineExecutor(registry, 2);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.stop();
    }

    /** Occupies the engine thread until {@link #release}, and returns once it runs. */
    private void busy() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        executor.submitInOrder(() -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(running.await(30, TimeUnit.SECONDS));
    }

    @Test
    void replayFramesBeyondTheBoundAreRefusedAndCountedAndTheOthersRunInOrder() throws Exception {
        busy();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        assertTrue(executor.submitInOrder(() -> ran.add(1)));
        assertTrue(executor.submitInOrder(() -> ran.add(2)));
        assertFalse(executor.submitInOrder(() -> ran.add(3)), "two already wait");
        assertEquals(2, executor.replayQueued());
        assertEquals(1, executor.replayDropped());
        assertEquals(1.0, registry.get("decision.engine.replay.dropped").counter().count());
        assertEquals(2.0, registry.get("decision.engine.replay.queued").gauge().value());

        release.countDown();
        executor.awaitIdle();
        assertEquals(List.of(1, 2), ran);
        assertEquals(0, executor.replayQueued());
        assertTrue(executor.submitInOrder(() -> ran.add(4)), "room again once the engine caught up");
        executor.awaitIdle();
        assertEquals(List.of(1, 2, 4), ran);
    }

    @Test
    void liveWorkForACoinAlreadyWaitingIsConflatedNotQueued() throws Exception {
        busy();
        List<String> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            executor.submit("BTC", () -> ran.add("BTC"));
        }
        executor.submit("ETH", () -> ran.add("ETH"));
        release.countDown();
        executor.awaitIdle();
        assertEquals(List.of("BTC", "ETH"), ran);
        assertEquals(4.0, registry.get("decision.engine.coalesced").counter().count());
        assertEquals(0, executor.replayDropped(), "live work is never dropped, only conflated");
    }
}
