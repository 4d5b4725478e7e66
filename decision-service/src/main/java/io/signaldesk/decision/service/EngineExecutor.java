package io.signaldesk.decision.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The engine's own thread. Per-coin work runs here one piece at a time, in the order it was asked
 * for, never on the WebSocket I/O thread. Work for a coin that is already queued is not queued
 * again: the queued run reads the latest market state when it starts, so bursts coalesce.
 */
@ApplicationScoped
public class EngineExecutor {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "decision-engine");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Counter coalesced;

    EngineExecutor(MeterRegistry registry) {
        this.coalesced = registry.counter("decision.engine.coalesced");
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

    /** Runs {@code work} on the engine thread after everything submitted before it; never skipped (a replay's frames). */
    public void submitInOrder(Runnable work) {
        thread.execute(work);
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

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
