package io.signaldesk.decision.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock response the test holds back until it lets it go: a stub built with
 * {@code .withTransformers(HeldResponses.NAME)} answers only after {@link #release()} (or after {@link #MAX_HOLD}, so a
 * test that fails before releasing does not hang the suite). Stands in for an analyzer busy on the model for as long as
 * the test needs, instead of a fixed delay the test has to wait out. WireMock journals a request only once answered: {@link #waiting()} counts the held ones.
 */
public final class HeldResponses implements ResponseTransformerV2 {

    public static final String NAME = "held";

    /** The most a held response waits for its release. */
    public static final long MAX_HOLD_SECONDS = 60;

    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

    private final AtomicInteger waiting = new AtomicInteger();

    /** Holds every response of a {@code held} stub from now until {@link #release()}. */
    public void hold() {
        gate.getAndSet(new CountDownLatch(1)).countDown();
    }

    /** Lets the held responses (and any later ones) go. */
    public void release() {
        gate.get().countDown();
    }

    /** How many requests of {@code held} stubs arrived and wait for their answer now. */
    public int waiting() {
        return waiting.get();
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
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
