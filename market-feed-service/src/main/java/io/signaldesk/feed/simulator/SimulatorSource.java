package io.signaldesk.feed.simulator;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.source.MarketSource;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.source.SourceStatus;
import io.vertx.core.Vertx;

/**
 * The zero-setup source: steps a {@link MarketSimulator} every feed.simulator.tick (100 ms) on a Vert.x periodic
 * timer, the feed's mechanism for sub-second timing (the Quarkus scheduler checks its triggers once a second).
 */
@ApplicationScoped
public class SimulatorSource implements MarketSource {

    private static final Logger LOG = Logger.getLogger(SimulatorSource.class);

    private final FeedConfig config;
    private final AtomicLong messages = new AtomicLong();
    private final Vertx vertx;
    private Long timer;
    private volatile SourceStatus.State state = SourceStatus.State.STOPPED;
    private volatile Instant since = Instant.now();
    private volatile Instant lastMessage;
    private volatile String lastError;

    public SimulatorSource(FeedConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SIMULATOR;
    }

    @Override
    public synchronized void start(MarketEventSink sink) {
        if (timer != null) {
            return;
        }
        long tickMs = Math.max(1, config.simulator().tick().toMillis());
        MarketSimulator simulator = new MarketSimulator(config.simulator().seed(),
                MarketStateService.followedCoins(config));
        setState(SourceStatus.State.STARTING);
        timer = vertx.setPeriodic(0, tickMs, id -> step(simulator, sink));
        LOG.infof("Simulator started: seed %d, tick %s, coins %s", config.simulator().seed(),
                config.simulator().tick(), config.coins());
    }

    private void step(MarketSimulator simulator, MarketEventSink sink) {
        try {
            Instant now = Instant.now();
            List<MarketEvent> events = simulator.next(now);
            events.forEach(sink::accept);
            messages.addAndGet(events.size());
            lastMessage = now;
            if (state != SourceStatus.State.LIVE) {
                setState(SourceStatus.State.LIVE);
            }
        } catch (RuntimeException e) {
            // a failing step must not cancel the schedule
            lastError = e.toString();
            LOG.error("Simulator step failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            vertx.cancelTimer(timer);
            timer = null;
            setState(SourceStatus.State.STOPPED);
        }
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus("simulator", state, null, since, lastMessage, messages.get(), 0, 0, 0, lastError);
    }

    private void setState(SourceStatus.State next) {
        state = next;
        since = Instant.now();
    }
}
