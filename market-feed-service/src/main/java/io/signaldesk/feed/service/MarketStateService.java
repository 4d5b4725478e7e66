package io.signaldesk.feed.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.signaldesk.core.market.Coin;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.feed.api.BookView;
import io.signaldesk.feed.api.TradeView;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.state.CoinState;
import io.signaldesk.feed.api.TradesView;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.domain.TradeEvent;

/**
 * The market as the running source described it: one book, one trade tape and one set of sliding
 * features per followed coin. Bad events are counted, logged once per reason and skipped.
 */
@ApplicationScoped
public class MarketStateService implements MarketEventSink {

    private static final Logger LOG = Logger.getLogger(MarketStateService.class);

    private final Map<String, CoinState> coins;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> eventCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> lagTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejectionCounters = new ConcurrentHashMap<>();
    private final Set<String> loggedReasons = ConcurrentHashMap.newKeySet();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile java.util.function.Consumer<String> onChange;

    @Inject
    public MarketStateService(FeedConfig config, MeterRegistry registry) {
        this(config, registry, Clock.systemUTC());
    }

    public MarketStateService(FeedConfig config, MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Map<String, CoinState> states = new LinkedHashMap<>();
        for (String coin : followedCoins(config)) {
            states.put(coin, new CoinState(coin, config.window(), config.imbalanceDepth(), config.tapeSize(),
                    config.priceBandPct()));
        }
        this.coins = Collections.unmodifiableMap(states);
        if (config.imbalanceDepth() < 1 || config.tapeSize() < 1 || config.window().compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException(
                    "feed.imbalance-depth and feed.tape-size must be >= 1 and feed.window positive");
        }
    }

    /** feed.coins upper-cased and checked (a {@link Coin} each), at least one coin. */
    public static List<String> followedCoins(FeedConfig config) {
        List<String> out = new ArrayList<>();
        for (String raw : config.coins()) {
            String coin = raw.trim().toUpperCase(Locale.ROOT);
            if (!Coin.valid(coin)) {
                throw new IllegalArgumentException("feed.coins: '" + raw + "' " + Coin.MESSAGE);
            }
            if (!out.contains(coin)) {
                out.add(coin);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("feed.coins must name at least one coin");
        }
        return List.copyOf(out);
    }

    @Override
    public void accept(MarketEvent event) {
        if (event == null) {
            reject("null-event", "null event");
            return;
        }
        CoinState state = coins.get(event.instrument().coin());
        if (state == null) {
            reject("unknown-coin", event.instrument().coin() + " is not in feed.coins");
            return;
        }
        Optional<String> rejection;
        try {
            rejection = state.apply(event, clock.instant());
        } catch (RuntimeException e) {
            rejection = Optional.of("invalid-event");
            LOG.debug("event failed to apply", e);
        }
        if (rejection.isPresent()) {
            reject(rejection.get(), event.instrument() + " at " + event.venueTime());
            return;
        }
        count(event);
        changed.add(event.instrument().coin());
        java.util.function.Consumer<String> listener = onChange;
        if (listener != null) {
            listener.accept(event.instrument().coin());
        }
    }

    /** Called after every applied event (on the source's thread: keep it cheap); one listener, the publisher. */
    public void onChange(Runnable listener) {
        this.onChange = coin -> listener.run();
    }

    /** The same, told which coin changed. */
    public void onChange(java.util.function.Consumer<String> listener) {
        this.onChange = listener;
    }

    /** The coins changed since the last call, forgotten as they are returned. */
    public Set<String> drainChanged() {
        Set<String> drained = new HashSet<>();
        for (String coin : changed) {
            if (changed.remove(coin)) {
                drained.add(coin);
            }
        }
        return drained;
    }

    /** Snapshots of the given coins, in the order of feed.coins. */
    public List<CoinSnapshot> snapshot(Set<String> wanted) {
        Instant now = clock.instant();
        return coins.entrySet().stream().filter(e -> wanted.contains(e.getKey()))
                .map(e -> e.getValue().snapshot(now)).toList();
    }

    private void count(MarketEvent event) {
        String type = event instanceof TradeEvent ? "trade" : "book";
        String coin = event.instrument().coin();
        eventCounters.computeIfAbsent(coin + '/' + type,
                k -> Counter.builder("feed.events").description("Market events applied to the state")
                        .tag("coin", coin).tag("type", type).register(registry))
                .increment();
        String venue = event.instrument().venue().name().toLowerCase(Locale.ROOT);
        lagTimers.computeIfAbsent(venue,
                v -> Timer.builder("feed.event.lag").description("Receive time minus venue time")
                        .tag("venue", v).publishPercentileHistogram().register(registry))
                .record(lag(event));
    }

    private static Duration lag(MarketEvent event) {
        Duration lag = Duration.between(event.venueTime(), event.receiveTime());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    private void reject(String reason, String detail) {
        rejectionCounters.computeIfAbsent(reason,
                r -> Counter.builder("feed.rejected.events").description("Events skipped as invalid")
                        .tag("reason", r).register(registry))
                .increment();
        if (loggedReasons.add(reason)) {
            LOG.warnf("Skipping %s event (%s); further events skipped for this reason are only counted", reason,
                    detail);
        }
    }

    public List<String> coins() {
        return List.copyOf(coins.keySet());
    }

    public boolean follows(String coin) {
        return coin != null && coins.containsKey(coin.toUpperCase(Locale.ROOT));
    }

    public List<CoinSnapshot> snapshot() {
        Instant now = clock.instant();
        return coins.values().stream().map(state -> state.snapshot(now)).toList();
    }

    public Optional<CoinSnapshot> snapshot(String coin) {
        return state(coin).map(state -> state.snapshot(clock.instant()));
    }

    public Optional<BookView> book(String coin, int depth) {
        return state(coin).map(state -> {
            CoinState.BookDepth book = state.book(depth);
            Instrument instrument = book.instrument();
            return new BookView(coin.toUpperCase(Locale.ROOT), instrument == null ? null : instrument.symbol(),
                    instrument == null ? null : instrument.venue(), depth, book.bids(), book.asks(), book.bidLevels(),
                    book.askLevels(), book.lastVenueTime());
        });
    }

    public Optional<TradesView> trades(String coin, int limit) {
        return state(coin).map(state -> {
            List<TradeView> trades = state.trades(limit).stream().map(TradeView::of).toList();
            Instrument instrument = state.instrument();
            return new TradesView(coin.toUpperCase(Locale.ROOT), instrument == null ? null : instrument.symbol(),
                    instrument == null ? null : instrument.venue(), limit, trades);
        });
    }

    /** When the newest event of any coin was processed, null before the first. */
    public Instant lastEventAt() {
        return coins.values().stream().map(CoinState::processedAt).filter(t -> t != null)
                .max(Instant::compareTo).orElse(null);
    }

    /** The coins without a state a trader may act on, with the reason (no-data, rebuilding), in feed.coins order. */
    public Map<String, String> invalidCoins() {
        Map<String, String> out = new LinkedHashMap<>();
        coins.forEach((coin, state) -> state.invalidReason().ifPresent(reason -> out.put(coin, reason)));
        return out;
    }

    /** Rejected events by reason since start. */
    public Map<String, Long> rejected() {
        Map<String, Long> out = new LinkedHashMap<>();
        rejectionCounters.forEach((reason, counter) -> out.put(reason, (long) counter.count()));
        return out;
    }

    private Optional<CoinState> state(String coin) {
        return coin == null ? Optional.empty() : Optional.ofNullable(coins.get(coin.toUpperCase(Locale.ROOT)));
    }
}
