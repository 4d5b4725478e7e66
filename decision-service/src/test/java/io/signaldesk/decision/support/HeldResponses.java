package io.signaldesk.decision.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock response the test holds back until it lets it go: a stub built with
 * {@code .withTransformers(HeldResponses.NAME)} answers only after {@link #release()} (or {@link #close()}; or after
 * {@link #MAX_HOLD_SECONDS}, so a test that fails before releasing does not hang the suite). Stands in for an analyzer
 * busy on the model, or a webhook slower than anything the test waits for, for as long as the test needs, instead of a
 * fixed delay the test has to wait out. WireMock journals a request only once answered: {@link #waiting()} counts the
 * held ones and {@link #received()} has their bodies.
 */
public final class HeldResponses implements ResponseTransformerV2, AutoCloseable {

    public static final String NAME = "held";

    /** The most a held response waits for its release. */
    public static final long MAX_HOLD_SECONDS = 120;

    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

    private final AtomicInteger waiting = new AtomicInteger();

    private final List<String> received = new CopyOnWriteArrayList<>();

    /** Holds every response of a {@code held} stub from now until {@link #release()}; forgets what was received. */
    public HeldResponses hold() {
        received.clear();
        gate.getAndSet(new CountDownLatch(1)).countDown();
        return this;
    }

    /** Lets the held responses (and any later ones) go. */
    public void release() {
        gate.get().countDown();
    }

    /** Releases them: a hold in try-with-resources ends with its block. */
    @Override
    public void close() {
        release();
    }

    /** How many requests of {@code held} stubs arrived and wait for their answer now. */
    public int waiting() {
        return waiting.get();
    }

    /** The bodies of the requests of {@code held} stubs since the last {@link #hold()}, answered or not. */
    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        received.add(serveEvent.getRequest().getBodyAsString());
        CountDownLatch current = gate.get();
        waiting.incrementAndGet();
        try {
            current.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
        return response;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
