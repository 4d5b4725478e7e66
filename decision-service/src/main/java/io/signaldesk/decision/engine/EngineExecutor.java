package io.signaldesk.decision.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;


import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.decision.config.DecisionConfig;

/**
 * The engine's own thread. Per-coin work runs here one piece at a time, in the order it was asked
 * for, never on the WebSocket I/O thread. Work for a coin that is already queued is not queued
 * again: the queued run reads the latest market state when it starts, so bursts coalesce (a live feed). Work that
 * must not be skipped (a replay's frames) waits in order, at most decision.engine-replay-queue pieces: beyond that it
 * is refused and counted, never queued without bound.
 */
public class EngineExecutor {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "decision-engine");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Counter coalesced;
    private final Counter dropped;
    private final AtomicInteger waitingInOrder = new AtomicInteger();
    private final int inOrderLimit;

    EngineExecutor(MeterRegistry registry, DecisionConfig config) {
        this(registry, config.engineReplayQueue());
    }

    EngineExecutor(MeterRegistry registry, int inOrderLimit) {
        this.inOrderLimit = inOrderLimit;
        this.coalesced = registry.counter("decision.engine.coalesced");
        this.dropped = registry.counter("decision.engine.replay.dropped");
        registry.gauge("decision.engine.replay.queued", waitingInOrder);
    }

    /** Runs {@code work} for {@code coin} on the engine thread unless a run for that coin is already waiting. */
    public void submit(String coin, Runnable work) {
        if (!queued.add(coin)) {
            coalesced.increment();
            return;
        }
        thread.execute(() -> {
            queued.remove(coin);
            work.run();
        });
    }

    /**
     * Runs {@code work} on the engine thread after everything submitted before it (a replay's frames); false, and
     * counted in decision.engine.replay.dropped, when decision.engine-replay-queue pieces already wait.
     */
    public boolean submitInOrder(Runnable work) {
        if (waitingInOrder.incrementAndGet() > inOrderLimit) {
            waitingInOrder.decrementAndGet();
            dropped.increment();
            return false;
        }
        thread.execute(() -> {
            waitingInOrder.decrementAndGet();
            work.run();
        });
        return true;
    }

    /** Replay frames waiting for the engine thread now. */
    public int replayQueued() {
        return waitingInOrder.get();
    }

    /** Replay frames refused since start because the queue was full. */
    public long replayDropped() {
        return (long) dropped.count();
    }

    /** Waits until everything submitted so far has run; tests use it instead of sleeping. */
    public void awaitIdle() {
        try {
            thread.submit(() -> {
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the engine thread: work still queued is dropped (the service is stopping). */
    void stop() {
        thread.shutdownNow();
    }
}
