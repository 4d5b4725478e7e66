package io.signaldesk.market.state;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.MarketEventSink;

/**
 * A replayed market without a service around it (the backtest): one {@link CoinState} per followed coin, changes
 * coalesced on market time ({@link MarketTimeCoalescer}) into snapshots handed to {@code out}, as the feed's replay
 * pushes them on /ws/market. A snapshot's {@code ageMs} is 0: it is read the moment its market time is reached.
 * Events the state refuses are counted by reason.
 */
public final class ReplayMarket implements MarketEventSink {

    private final Map<String, CoinState> coins = new LinkedHashMap<>();
    private final MarketTimeCoalescer coalescer;
    private final Map<String, Long> rejected = new TreeMap<>();

    public ReplayMarket(List<String> coins, Duration window, int imbalanceDepth, Duration interval,
            Consumer<CoinSnapshot> out) {
        for (String coin : coins) {
            this.coins.put(coin.toUpperCase(Locale.ROOT), new CoinState(coin.toUpperCase(Locale.ROOT), window, imbalanceDepth, 1));
        }
        this.coalescer = new MarketTimeCoalescer(interval, coin -> {
            CoinState state = this.coins.get(coin);
            out.accept(state.snapshot(state.processedAt()));
        });
    }

    @Override
    public void accept(MarketEvent event) {
        coalescer.advanceTo(event.venueTime());
        CoinState state = coins.get(event.instrument().coin());
        if (state == null) {
            rejected.merge("unknown-coin", 1L, Long::sum);
            return;
        }
        String rejection;
        try {
            rejection = state.apply(event, event.venueTime()).orElse(null);
        } catch (RuntimeException e) {
            rejection = "invalid-event";
        }
        if (rejection != null) {
            rejected.merge(rejection, 1L, Long::sum);
            return;
        }
        coalescer.changed(event.instrument().coin());
    }

    /**
     * Market time reaches {@code marketTime} without an event (a caller sampling the market then): changes whose
     * coalescing interval has ended by then are emitted, as the next event would emit them.
     */
    public void advanceTo(Instant marketTime) {
        coalescer.advanceTo(marketTime);
    }

    /** The end of the data: pending changes are emitted. */
    public void finish() {
        coalescer.flush();
    }

    /** Events refused, by reason (unknown-coin, crossed-book, instrument-mismatch, invalid-event). */
    public Map<String, Long> rejected() {
        return Map.copyOf(rejected);
    }
}
