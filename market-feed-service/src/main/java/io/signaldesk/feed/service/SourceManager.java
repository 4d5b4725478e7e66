package io.signaldesk.feed.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.domain.FeedIdentity;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.feed.source.MarketSource;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.source.SourceStatus;
import io.signaldesk.feed.venue.ws.VenueTelemetry;

/**
 * Starts the one source feed.source selects, wires it to the recorder and the market state, and
 * stops it at shutdown.
 */
@Singleton
public class SourceManager {

    private static final Logger LOG = Logger.getLogger(SourceManager.class);

    private final FeedConfig config;
    private final Instance<MarketSource> sources;
    private final MarketStateService state;
    private final EventRecorder recorder;
    private final MeterRegistry registry;
    private final ReplayCoalescing replay;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Instant startedAt = Instant.now();
    private final Map<Venue, VenueTelemetry> eventTelemetry = new ConcurrentHashMap<>();
    private volatile MarketSource running;
    private MarketEventSink waiting;

    public SourceManager(FeedConfig config, Instance<MarketSource> sources, MarketStateService state,
            EventRecorder recorder, MeterRegistry registry, ReplayCoalescing replay) {
        this.replay = replay;
        this.config = config;
        this.sources = sources;
        this.state = state;
        this.recorder = recorder;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        List<MarketSource> selected = sources.stream().filter(source -> source.selectedBy(config)).toList();
        if (selected.isEmpty()) {
            throw new IllegalStateException("feed.source=" + config.source().name().toLowerCase(Locale.ROOT)
                    + (config.source().name().equals("REPLAY") ? " with feed.replay.format=" + config.replay().format() : "")
                    + ": no source of this kind is available");
        }
        if (selected.size() > 1) {
            LOG.warnf("%d sources answer feed.source=%s; starting the first", selected.size(), config.source());
        }
        running = selected.get(0);
        config.record().file().ifPresent(recorder::open);
        Gauge.builder("feed.source.up", this, manager -> manager.delivering() ? 1 : 0)
                .description("1 while the running source delivers data").tag("source", sourceName())
                .register(registry);
        MarketEventSink sink = replay.around(marketEvent -> {
            recorder.record(marketEvent);
            state.accept(marketEvent);
        });
        MarketEventSink delivered = running.countsMessages() ? sink : countingMessages(sink);
        int wanted = config.source() == SourceKind.REPLAY ? config.replay().waitForClients() : 0;
        if (wanted < 0) {
            throw new IllegalArgumentException("feed.replay.wait-for-clients must be 0 or more: " + wanted);
        }
        if (wanted > 0) {
            waiting = delivered;
            LOG.infof("Replay waits for %d /ws/market client(s) (feed.replay.wait-for-clients)", wanted);
            return;
        }
        startRunning(delivered);
    }

    private void startRunning(MarketEventSink sink) {
        running.start(sink);
        LOG.infof("Market source %s started for %s (market %s)", sourceName(), state.coins(), identity().market());
    }

    /** {@code clients} /ws/market clients are connected: a replay waiting for that many starts now. */
    public synchronized void clientsConnected(int clients) {
        if (waiting != null && clients >= config.replay().waitForClients()) {
            MarketEventSink sink = waiting;
            waiting = null;
            startRunning(sink);
        }
    }

    /**
     * The simulator and JSON Lines replays have no venue connection: each event is one feed.messages
     * (type trade or book) of its venue, and the venue's counters start at zero.
     */
    private MarketEventSink countingMessages(MarketEventSink sink) {
        if (config.source() == SourceKind.SIMULATOR) {
            telemetry(Venue.SIMULATOR);
        }
        return new MarketEventSink() {
            @Override
            public void accept(MarketEvent marketEvent) {
                telemetry(marketEvent.instrument().venue()).message(marketEvent instanceof TradeEvent ? "trade" : "book");
                sink.accept(marketEvent);
            }

            @Override
            public void finished() {
                sink.finished();
            }
        };
    }

    private VenueTelemetry telemetry(Venue venue) {
        return eventTelemetry.computeIfAbsent(venue, v -> {
            VenueTelemetry telemetry = new VenueTelemetry(v, sourceName(), null, registry, Clock.systemUTC());
            telemetry.registerBaseline();
            return telemetry;
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (running != null) {
            running.stop();
        }
        recorder.close();
    }

    /** The status of the running source, null before startup. */
    public SourceStatus status() {
        MarketSource source = running;
        return source == null ? null : source.status();
    }

    /** Which market this run's prices are of (see {@link FeedIdentity}). */
    public FeedIdentity identity() {
        String source = sourceName();
        // a replay's prices are of its capture's past, a market of its own each run; a venue's and the simulator's
        // are the same market across restarts, so the desk's open positions are marked and stopped again
        boolean replay = config.source() == SourceKind.REPLAY;
        return new FeedIdentity(source, runId, replay ? source + "#" + runId : source, startedAt);
    }

    public String sourceName() {
        SourceStatus status = status();
        return status != null ? status.name() : config.source().name().toLowerCase(Locale.ROOT);
    }

    /** Whether a replay waits for its /ws/market clients (feed.replay.wait-for-clients) before it starts. */
    public synchronized boolean waitingForClients() {
        return waiting != null;
    }

    /**
     * True when the source says it is delivering, or an event was processed within feed.stale-after, or a replay waits
     * for its clients (it must be ready for them to connect).
     */
    public boolean delivering() {
        if (waitingForClients()) {
            return true;
        }
        SourceStatus status = status();
        if (status != null && status.delivering()) {
            return true;
        }
        Instant last = state.lastEventAt();
        return last != null && Duration.between(last, Instant.now()).compareTo(config.staleAfter()) < 0;
    }
}
