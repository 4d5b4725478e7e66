package io.signaldesk.decision.adapter.feed;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.signaldesk.common.connect.ReconnectBackoff;
import io.signaldesk.common.connect.Reconnector;
import io.smallrye.mutiny.Uni;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.engine.MarketIntake;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;

/**
 * Where a market tick comes in: a WebSocket client of the feed's /ws/market that reconnects with exponential backoff
 * and jitter (service-common's {@link Reconnector}: decision.feed.min-backoff doubling to max-backoff, 20 % jitter),
 * counts drops and skips (and counts) malformed frames. It only talks to the feed: each snapshot frame goes to
 * {@link MarketIntake#accept}, the engine's one entry point for market data.
 */
@ApplicationScoped
@Typed(FeedClient.class)
public class FeedClient implements FeedLink {

    private static final Logger LOG = Logger.getLogger(FeedClient.class);
    /** Each wait moved by up to 20 % either way, so that several engines do not reconnect in step. */
    static final double JITTER = 0.2;

    private final DecisionConfig config;
    private final MarketIntake intake;
    private final ObjectMapper mapper;
    private final Counter drops;
    private final Counter malformed;
    private final AtomicBoolean stopped = new AtomicBoolean(true);
    private volatile boolean shutDown;
    private volatile WebSocketClientConnection connection;
    private volatile URI target;
    private final Reconnector reconnector;
    private final String intervalQuery;

    FeedClient(DecisionConfig config, MarketIntake intake, ObjectMapper mapper, MeterRegistry registry) {
        this.config = config;
        this.intake = intake;
        this.mapper = mapper;
        this.drops = registry.counter("decision.feed.drops");
        this.malformed = registry.counter("decision.feed.malformed");
        this.reconnector = new Reconnector(
                new ReconnectBackoff(config.feed().minBackoff(), config.feed().maxBackoff(), JITTER), this::open,
                (delay, cause) -> LOG.debugf("feed: next connect in %d ms%s", delay.toMillis(),
                        cause == null ? "" : " (" + cause + ")"));
        this.intervalQuery = "interval=" + publishIntervalMillis(config.feed().publishInterval()) + "ms";
    }

    /** decision.feed.publish-interval in whole milliseconds, 1 ms to 60 s; anything else stops the start. */
    static long publishIntervalMillis(Duration interval) {
        if (interval.toNanos() % 1_000_000 != 0 || interval.toMillis() < 1 || interval.toMillis() > 60_000) {
            throw new IllegalArgumentException("decision.feed.publish-interval must be whole milliseconds from 1ms to "
                    + "60s, was " + interval);
        }
        return interval.toMillis();
    }

    /** At start in the websocket transport: connects to decision.feed-url unless decision.feed.connect-at-startup is off. */
    public void startIfConfigured() {
        if (config.feed().connectAtStartup()) {
            start(URI.create(config.feedUrl()));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        shutDown = true;
        stop();
    }

    /** Connects to {@code feedUrl} (instead of the one it is connected to, if any) and keeps reconnecting until {@link #stop()}. */
    public void start(URI feedUrl) {
        stop();
        target = feedUrl;
        stopped.set(false);
        reconnector.start();
    }

    public void stop() {
        stopped.set(true);
        reconnector.stop();
        WebSocketClientConnection current = connection;
        connection = null;
        if (current != null && current.isOpen()) {
            current.close().subscribe().with(v -> {
            }, e -> {
            });
        }
    }

    /** The WebSocket to the feed is open. */
    @Override
    public boolean connected() {
        WebSocketClientConnection current = connection;
        return current != null && current.isOpen();
    }

    public double dropCount() {
        return drops.count();
    }

    public double malformedCount() {
        return malformed.count();
    }

    public double frameCount() {
        return intake.frameCount();
    }

    /** One attempt: completes once the socket is open. */
    private Uni<WebSocketClientConnection> open() {
        URI uri = target;
        String base = uri.getScheme() + "://" + uri.getAuthority();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + withInterval(uri.getRawQuery());
        return BasicWebSocketConnector.create()
                .baseUri(base)
                .path(path)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, text) -> onFrame(text))
                .onClose((c, reason) -> onClosed(c))
                .connect()
                .invoke(c -> {
                    if (stopped.get()) {
                        c.close().subscribe().with(v -> {
                        }, e -> {
                        }); // stopped while it was connecting
                        return;
                    }
                    connection = c;
                    LOG.infof("connected to feed %s", uri);
                })
                .onFailure().invoke(failure -> LOG.debugf("feed connect to %s failed: %s", uri, failure.toString()));
    }

    /** The feed URL's own query, plus decision.feed.publish-interval unless that query already names one. */
    private String withInterval(String query) {
        if (query == null || query.isEmpty()) {
            return "?" + intervalQuery;
        }
        boolean named = java.util.Arrays.stream(query.split("&")).anyMatch(p -> p.startsWith("interval="));
        return "?" + query + (named ? "" : "&" + intervalQuery);
    }

    private void onClosed(WebSocketClientConnection closed) {
        WebSocketClientConnection current = connection;
        if (stopped.get() || current == null || !current.id().equals(closed.id())) {
            return; // stopped, or a connection this client already replaced
        }
        drops.increment();
        LOG.warnf("feed connection dropped; reconnecting from %s", config.feed().minBackoff());
        reconnector.dropped();
    }

    /** The last feed refused for not being decision.feed.expected-source, if any since the last accepted frame. */
    public java.util.Optional<FeedIdentity> refusedFeed() {
        return intake.refusedFeed();
    }

    void onFrame(String text) {
        if (shutDown) {
            return; // frames still in flight while the connection closes: the beans they need are gone
        }
        FeedMessage message;
        try {
            message = mapper.readValue(text, FeedMessage.class);
        } catch (Exception e) {
            malformed.increment();
            return;
        }
        if ("snapshot".equals(message.type()) && message.coins() != null) {
            intake.accept(message);
        } else if ("error".equals(message.type())) {
            LOG.warnf("feed refused a request of this client: %s", message.message()); // e.g. its publish interval
        } else if ("subscribed".equals(message.type())) {
            LOG.debugf("feed says subscribed: %s", text);
        } else {
            malformed.increment();
        }
    }
}
