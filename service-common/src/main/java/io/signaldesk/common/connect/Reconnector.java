package io.signaldesk.common.connect;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Keeps one outbound connection open, the one way every service does it (the decision service's feed and analysis
 * sockets, the feed's venue sockets): {@link #start()} opens it; a failed attempt is retried with
 * {@link ReconnectBackoff} (exponential from its initial wait, doubling, capped at its max, moved by its jitter) through
 * Mutiny's retry ({@code onFailure().retry().when(...)}, the waits from the policy); a connection that opened and then
 * {@link #dropped()} is opened again after the initial wait, its attempts counted afresh; {@link #stop()} ends it.
 * Mutiny's own {@code withBackOff} is not used: it cannot say how long it waits (a venue's status shows it), and a
 * drop after an open is not a failure of the attempt, so it starts a new retry here. The owner reports
 * {@link #connected()} as its metric (a gauge) and hears each wait through {@link Listener}.
 */
public final class Reconnector {

    /** What the connection's owner hears. */
    @FunctionalInterface
    public interface Listener {
        /** The next attempt comes after {@code delay}; {@code cause} is the failed attempt's error, null after a drop. */
        void waiting(Duration delay, Throwable cause);
    }

    private final ReconnectBackoff backoff;
    private final Supplier<Uni<?>> open;
    private final Listener listener;
    private final DoubleSupplier random;
    private boolean running;
    private volatile boolean connected;
    private Cancellable current;
    /** Which run of attempts is current: a late success of a cancelled one does not count. */
    private int generation;

    /**
     * @param open one attempt: a Uni that completes once the connection is open and fails when it could not be opened
     *        (subscribed again for each attempt)
     */
    public Reconnector(ReconnectBackoff backoff, Supplier<Uni<?>> open, Listener listener) {
        this(backoff, open, listener, () -> ThreadLocalRandom.current().nextDouble());
    }

    Reconnector(ReconnectBackoff backoff, Supplier<Uni<?>> open, Listener listener, DoubleSupplier random) {
        this.backoff = backoff;
        this.open = open;
        this.listener = listener;
        this.random = random;
    }

    /** Opens the connection now and keeps trying until it is open; nothing when already started. */
    public synchronized void start() {
        if (!running) {
            running = true;
            current = attempts(Duration.ZERO);
        }
    }

    /** The open connection closed or was found dead: opens it again after the initial wait (while started). */
    public synchronized void dropped() {
        connected = false;
        if (running) {
            cancel();
            Duration wait = backoff.delay(0, random.getAsDouble());
            listener.waiting(wait, null);
            current = attempts(wait);
        }
    }

    /** No more attempts; the owner closes its connection. */
    public synchronized void stop() {
        running = false;
        connected = false;
        cancel();
    }

    /** The last attempt opened the connection and no drop was reported since. */
    public boolean connected() {
        return connected;
    }

    public synchronized boolean running() {
        return running;
    }

    private Cancellable attempts(Duration first) {
        int mine = ++generation;
        AtomicInteger failed = new AtomicInteger(first.isZero() ? 0 : 1);
        Uni<?> attempt = Uni.createFrom().deferred(open::get);
        Uni<?> retried = attempt.onFailure(failure -> running()).retry().when(failures -> failures
                .onItem().transformToUniAndConcatenate(failure -> {
                    Duration wait = backoff.delay(failed.getAndIncrement(), random.getAsDouble());
                    listener.waiting(wait, failure);
                    return Uni.createFrom().item(failure).onItem().delayIt().by(wait); // not null: a trigger item
                }));
        Uni<?> chain = first.isZero() ? retried
                : Uni.createFrom().voidItem().onItem().delayIt().by(first).onItem().transformToUni(ignored -> retried);
        return chain.subscribe().with(opened -> {
            synchronized (this) {
                connected = running && generation == mine;
            }
        }, failure -> {
            // only when stopped meanwhile: a running connection retries every failure
        });
    }

    private void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }
}
