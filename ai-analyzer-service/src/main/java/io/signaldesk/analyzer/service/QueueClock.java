package io.signaldesk.analyzer.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The model queue's time: the machine's monotonic clock ({@link System#nanoTime()}, the clock callers' deadlines are on)
 * and a timer that asks the queue again when waiting background work may start; a clock moved by hand in tests.
 */
interface QueueClock {

    long nanoTime();

    /** Runs {@code task} once, {@code delayNanos} from now; what it returns cancels it if it has not run yet. */
    Runnable schedule(Runnable task, long delayNanos);

    /** Stops the timer (the service's shutdown). */
    void close();

    /** The machine's clock, with one daemon timer thread. */
    static QueueClock system() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "model-queue-idle-window");
            thread.setDaemon(true);
            return thread;
        });
        return new QueueClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Runnable schedule(Runnable task, long delayNanos) {
                ScheduledFuture<?> future = timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }
}
