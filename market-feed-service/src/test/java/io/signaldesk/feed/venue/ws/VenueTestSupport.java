package io.signaldesk.feed.venue.ws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Helpers shared by the venue tests: fixtures, a recording sink, a control spy, config, bounded waits. */
public final class VenueTestSupport {

    private VenueTestSupport() {
    }

    public static String fixture(String path) {
        try (InputStream in = VenueTestSupport.class.getResourceAsStream("/venue/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture venue/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VenueTelemetry telemetry(Venue venue) {
        return new VenueTelemetry(venue, "test", new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /** Builds the real {@link FeedConfig} mapping from properties, defaults included. */
    public static FeedConfig feedConfig(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(FeedConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "venue-test", 500))
                .build();
        return config.getConfigMapping(FeedConfig.class);
    }

    /** Polls {@code condition} every 10 ms until it holds or {@code timeout} passes (then fails with {@code what}). */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }

    /** A sink that keeps everything, safe to read from the test thread. */
    public static final class RecordingSink implements MarketEventSink {

        public final List<MarketEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void accept(MarketEvent event) {
            events.add(event);
        }

        public List<TradeEvent> trades() {
            return events.stream().filter(TradeEvent.class::isInstance).map(TradeEvent.class::cast).toList();
        }

        public List<BookEvent> books() {
            return events.stream().filter(BookEvent.class::isInstance).map(BookEvent.class::cast).toList();
        }

        public long snapshots() {
            return books().stream().filter(b -> b.kind() == BookEvent.Kind.SNAPSHOT).count();
        }
    }

    /** A {@link ConnectionControl} that records what the protocol asked for. */
    public static final class ControlSpy implements ConnectionControl {

        public final List<String> sent = new ArrayList<>();
        public final List<String> reconnects = new ArrayList<>();
        public final List<Runnable> scheduled = new ArrayList<>();

        @Override
        public void send(String text) {
            sent.add(text);
        }

        @Override
        public void reconnect(String reason) {
            reconnects.add(reason);
        }

        @Override
        public void schedule(long delayMs, Runnable task) {
            scheduled.add(task);
        }
    }

    public static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
