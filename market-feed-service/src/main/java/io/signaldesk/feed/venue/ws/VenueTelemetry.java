package io.signaldesk.feed.venue.ws;

import io.signaldesk.market.venue.VenueParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.market.venue.VenueCounters;
import io.signaldesk.feed.source.SourceStatus;
import io.signaldesk.feed.source.SourceStatus.State;

/**
 * Counters of one live venue, kept twice: as Micrometer meters ({@code feed.messages},
 * {@code feed.parse.errors}, {@code feed.reconnects}, {@code feed.resyncs}) and as the
 * {@link SourceStatus} shown by /api/market/sources. Parse errors are logged once per kind.
 */
public final class VenueTelemetry implements VenueCounters {

    private static final Logger LOG = Logger.getLogger(VenueTelemetry.class);
    /** The data messages each venue's handler counts (their type()); the simulator and replays count trade/book events. */
    private static final Map<Venue, List<String>> MESSAGE_TYPES = Map.of(
            Venue.BINANCE, List.of("trade", "aggTrade", "depthUpdate", "bookTicker"),
            Venue.COINBASE, List.of("market_trades", "l2_data", "heartbeats"),
            Venue.KRAKEN, List.of("trade", "book_snapshot", "book_update", "heartbeat"),
            Venue.SIMULATOR, List.of("trade", "book"));
    /** The kinds of {@link VenueParseException} the adapters throw. */
    private static final List<String> PARSE_ERROR_KINDS = List.of("bad_json", "missing_field", "bad_value",
            "negative_size", "unknown_type", "unknown_symbol");

    private final Venue venue;
    private final String tag;
    private final String sourceName;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Set<String> loggedKinds = ConcurrentHashMap.newKeySet();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong parseErrors = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private volatile String url;
    private volatile State state = State.STOPPED;
    private volatile Instant since;
    private volatile Instant lastMessage;
    private volatile String lastError;

    public VenueTelemetry(Venue venue, String url, MeterRegistry registry, Clock clock) {
        this(venue, venue.name().toLowerCase(Locale.ROOT), url, registry, clock);
    }

    /** @param sourceName the name shown in {@link SourceStatus} (e.g. "replay" for a capture replay) */
    public VenueTelemetry(Venue venue, String sourceName, String url, MeterRegistry registry, Clock clock) {
        this.venue = venue;
        this.tag = venue.name().toLowerCase(Locale.ROOT);
        this.sourceName = sourceName;
        this.url = url;
        this.registry = registry;
        this.clock = clock;
        this.since = clock.instant();
    }

    public Venue venue() {
        return venue;
    }

    /** A venue message of the given type arrived (trade, depthUpdate, l2_data, heartbeats, ...). */
    @Override
    public void message(String type) {
        messages.incrementAndGet();
        lastMessage = clock.instant();
        counter("feed.messages", "type", type).increment();
    }

    /** A frame was skipped; the first one of each kind is logged, the rest only counted. */
    @Override
    public void parseError(String kind, String detail) {
        parseErrors.incrementAndGet();
        error(kind + ": " + detail);
        counter("feed.parse.errors", "kind", kind).increment();
        if (loggedKinds.add(kind)) {
            LOG.warnf("%s: skipped a frame (%s): %s (further '%s' errors are only counted)", tag, kind, detail, kind);
        }
    }

    /**
     * Registers the venue's counters at zero with the label sets known before the first frame (its data message
     * types, every parse-error kind), so dashboards and alert rules read 0 rather than no data.
     */
    public void registerBaseline() {
        counter("feed.reconnects", null, null);
        MESSAGE_TYPES.getOrDefault(venue, List.of()).forEach(type -> counter("feed.messages", "type", type));
        PARSE_ERROR_KINDS.forEach(kind -> counter("feed.parse.errors", "kind", kind));
    }

    public void reconnected() {
        reconnects.incrementAndGet();
        counter("feed.reconnects", null, null).increment();
    }

    @Override
    public void resynced(String reason) {
        resyncs.incrementAndGet();
        counter("feed.resyncs", "reason", reason).increment();
        LOG.infof("%s: book resync (%s)", tag, reason);
    }

    @Override
    public synchronized void error(String message) {
        lastError = message;
    }

    /** Forgets {@code message} when it is still the most recent error (what it said is no longer so). */
    public synchronized void clearError(String message) {
        if (message != null && message.equals(lastError)) {
            lastError = null;
        }
    }

    public void state(State newState) {
        if (state != newState) {
            state = newState;
            since = clock.instant();
        }
    }

    public State state() {
        return state;
    }

    public void url(String newUrl) {
        url = newUrl;
    }

    public long messages() {
        return messages.get();
    }

    public long parseErrors() {
        return parseErrors.get();
    }

    public long reconnects() {
        return reconnects.get();
    }

    public long resyncs() {
        return resyncs.get();
    }

    public SourceStatus status() {
        return new SourceStatus(sourceName, state, url, since, lastMessage, messages.get(), parseErrors.get(),
                reconnects.get(), resyncs.get(), lastError);
    }

    private Counter counter(String name, String key, String value) {
        String id = name + '|' + key + '|' + value;
        return counters.computeIfAbsent(id, ignored -> {
            Counter.Builder builder = Counter.builder(name).tag("venue", tag);
            if (key != null) {
                builder.tag(key, value);
            }
            return builder.register(registry);
        });
    }
}
