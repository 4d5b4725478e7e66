package io.signaldesk.feed.venue.ws;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.common.connect.ReconnectBackoff;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.feed.source.MarketSource;
import io.signaldesk.feed.source.SourceStatus;

/**
 * What the three exchange sources share: one {@link ExchangeConnection} created on {@link #start}
 * (nothing connects before), the reconnect policy from {@code feed.reconnect.*} and the telemetry
 * behind {@link #status()}.
 */
public abstract class LiveVenueSource implements MarketSource {

    protected final FeedConfig config;
    protected final io.vertx.core.Vertx vertx;
    private final MeterRegistry registry;
    private VenueTelemetry telemetry;
    private ExchangeConnection connection;

    /** For the CDI client proxy only. */
    protected LiveVenueSource() {
        this(null, null, null);
    }

    protected LiveVenueSource(FeedConfig config, io.vertx.core.Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
    }

    protected abstract Venue venue();

    /** The instruments followed: one per {@code feed.coins} entry, in the venue's spelling. */
    protected abstract List<Instrument> instruments();

    /** The WebSocket URL connected to. */
    protected abstract String url();

    /** Fresh per-start protocol state delivering to {@code sink}. */
    protected abstract VenueProtocol protocol(MarketEventSink sink, VenueTelemetry telemetry);

    /** The protocol of a venue whose connection logic is all in one stream handler, reset when the socket closes. */
    protected VenueProtocol protocolOf(StreamHandler handler) {
        String url = url();
        return new VenueProtocol() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void onOpen(ConnectionControl control) {
                handler.onOpen(control);
            }

            @Override
            public void onFrame(String text, Instant receivedAt, ConnectionControl control) {
                handler.onFrame(text, receivedAt, control);
            }

            @Override
            public void onClose() {
                handler.reset();
            }
        };
    }

    @Override
    public synchronized void start(MarketEventSink sink) {
        if (connection != null) {
            return;
        }
        VenueTelemetry current = telemetry();
        current.registerBaseline();
        connection = new ExchangeConnection(vertx, protocol(sink, current), current, backoff(), config.staleAfter());
        connection.start();
    }

    @Override
    public boolean countsMessages() {
        return true;
    }

    @Override
    public synchronized void stop() {
        if (connection != null) {
            connection.stop();
            connection = null;
        }
    }

    @Override
    public SourceStatus status() {
        return telemetry().status();
    }

    /** Counters of this source (also exported as Micrometer meters). */
    public synchronized VenueTelemetry telemetry() {
        if (telemetry == null) {
            telemetry = new VenueTelemetry(venue(), url(), registry, Clock.systemUTC());
        }
        return telemetry;
    }

    protected ReconnectBackoff backoff() {
        FeedConfig.Reconnect reconnect = config.reconnect();
        return new ReconnectBackoff(reconnect.initialBackoff(), reconnect.maxBackoff(), reconnect.jitter());
    }

    /** Wait before retrying a failed REST call or resubscription: the initial reconnect backoff. */
    protected long retryDelayMs() {
        return config.reconnect().initialBackoff().toMillis();
    }
}
