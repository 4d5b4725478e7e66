package io.signaldesk.feed.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.core.market.Aggressor;
import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;
import io.signaldesk.feed.TestConfigs;
import io.signaldesk.feed.api.BookView;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;

class MarketStateServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instrument BTC = Instrument.of(Venue.BINANCE, "BTCUSDT", "BTC");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MarketStateService state = new MarketStateService(
            TestConfigs.feed(Map.of("feed.coins", "BTC,eth", "feed.imbalance-depth", "2")), registry,
            Clock.fixed(T0.plusSeconds(100), ZoneOffset.UTC));

    private static BookEvent book(BookEvent.Kind kind, int second, List<PriceLevel> bids, List<PriceLevel> asks) {
        return new BookEvent(BTC, kind, bids, asks, T0.plusSeconds(second), T0.plusSeconds(second).plusMillis(20));
    }

    private static TradeEvent trade(int second, String price, String size, Aggressor side) {
        return new TradeEvent(BTC, new BigDecimal(price), new BigDecimal(size), side, "t" + second,
                T0.plusSeconds(second), T0.plusSeconds(second).plusMillis(5));
    }

    private void seedBook() {
        state.accept(book(BookEvent.Kind.SNAPSHOT, 0,
                List.of(PriceLevel.of("100.0", "3"), PriceLevel.of("99.5", "1"), PriceLevel.of("99.0", "5")),
                List.of(PriceLevel.of("100.5", "2"), PriceLevel.of("101.0", "2"))));
    }

    @Test
    void tellsWhichCoinsChangedSinceTheLastDrainAndCallsItsListenerOnEveryAppliedEvent() {
        int[] calls = {0};
        state.onChange(() -> calls[0]++);
        assertEquals(Set.of(), state.drainChanged());

        seedBook();
        state.accept(trade(1, "100.5", "1", Aggressor.BUY));

        assertEquals(2, calls[0]);
        assertEquals(Set.of("BTC"), state.drainChanged());
        assertEquals(Set.of(), state.drainChanged(), "drained: nothing changed since");
        assertEquals(List.of("BTC"), state.snapshot(Set.of("BTC")).stream().map(c -> c.coin()).toList());
    }

    @Test
    void computesEveryFeatureFromBookAndTrades() {
        seedBook();
        state.accept(trade(1, "100.5", "1", Aggressor.BUY));
        state.accept(trade(30, "100.0", "3", Aggressor.SELL));
        state.accept(trade(50, "101.0", "0.5", Aggressor.BUY));
        CoinSnapshot btc = state.snapshot("btc").orElseThrow();
        assertEquals("BTCUSDT", btc.symbol());
        assertEquals("BINANCE", btc.venue());
        assertEquals(new BigDecimal("101.0"), btc.lastPrice());
        assertEquals(new BigDecimal("100.0"), btc.bestBid());
        assertEquals(new BigDecimal("100.5"), btc.bestAsk());
        assertEquals(new BigDecimal("100.25"), btc.midPrice());
        assertEquals(new BigDecimal("0.5"), btc.spread());
        // 101.0 vs 100.5 at window start
        assertEquals(new BigDecimal("0.4975"), btc.momentum60sPct());
        // top 2 levels: bids 3 + 1, asks 2 + 2
        assertEquals(new BookImbalance(new BigDecimal("0.5000"), new BigDecimal("1.0000"), 2), btc.bookImbalance());
        assertEquals(new TradeFlow(2, 1, new BigDecimal("1.5"), new BigDecimal("3")), btc.trades60s());
        // (100.5 + 300 + 50.5) / 4.5 = 451 / 4.5
        assertEquals(new BigDecimal("100.222222222"), btc.vwap60s());
        // log returns ln(100/100.5), ln(101/100): sample stdev 1.0563 %
        assertEquals(new BigDecimal("1.0563"), btc.volatility60sPct());
        // the fixed clock processed every event "now"
        assertEquals(0L, btc.lastEventAgeMs());
        assertEquals(T0.plusSeconds(50), btc.updatedAt());
    }

    @Test
    void unknownFollowedCoinHasNullFeaturesAndOthersAreAbsent() {
        CoinSnapshot eth = state.snapshot("ETH").orElseThrow();
        assertNull(eth.lastPrice());
        assertNull(eth.bookImbalance().bidShare());
        assertNull(eth.lastEventAgeMs());
        assertTrue(state.snapshot("DOGE").isEmpty());
        assertEquals(List.of("BTC", "ETH"), state.coins());
    }

    @Test
    void crossedUpdateIsRejectedAndTheBookStaysAsBefore() {
        seedBook();
        BookView before = state.book("BTC", 10).orElseThrow();
        // a bid at 100.7 above the best ask 100.5, with a valid ask change in the same update
        state.accept(book(BookEvent.Kind.UPDATE, 2, List.of(PriceLevel.of("100.7", "1"), PriceLevel.of("100.0", "0")),
                List.of(PriceLevel.of("101.0", "9"))));
        assertEquals(before.bids(), state.book("BTC", 10).orElseThrow().bids());
        assertEquals(before.asks(), state.book("BTC", 10).orElseThrow().asks());
        assertEquals(Map.of("crossed-book", 1L), state.rejected());
        assertEquals(1.0, registry.get("feed.rejected.events").tag("reason", "crossed-book").counter().count());
        assertEquals(T0, state.snapshot("BTC").orElseThrow().updatedAt());

        state.accept(book(BookEvent.Kind.UPDATE, 3, List.of(PriceLevel.of("100.2", "4")), List.of()));
        assertEquals(new BigDecimal("100.2"), state.snapshot("BTC").orElseThrow().bestBid());
    }

    @Test
    void crossedSnapshotIsRejectedAndTheOldBookKept() {
        seedBook();
        state.accept(book(BookEvent.Kind.SNAPSHOT, 2, List.of(PriceLevel.of("102", "1")),
                List.of(PriceLevel.of("101", "1"))));
        CoinSnapshot btc = state.snapshot("BTC").orElseThrow();
        assertEquals(new BigDecimal("100.0"), btc.bestBid());
        assertEquals(new BigDecimal("100.5"), btc.bestAsk());
        assertEquals(1L, state.rejected().get("crossed-book"));
    }

    @Test
    void eventsForOtherCoinsAndNullsAreCountedAndSkipped() {
        state.accept(new TradeEvent(Instrument.of(Venue.BINANCE, "DOGEUSDT", "DOGE"), BigDecimal.ONE, BigDecimal.ONE,
                Aggressor.BUY, "1", T0, T0));
        state.accept(null);
        assertEquals(Map.of("unknown-coin", 1L, "null-event", 1L), Map.copyOf(state.rejected()));
        assertFalse(state.snapshot().stream().anyMatch(c -> c.lastPrice() != null));
    }

    @Test
    void acceptedEventsAreCountedByCoinAndTypeWithTheirLag() {
        seedBook();
        state.accept(trade(1, "100.5", "1", Aggressor.BUY));
        assertEquals(1.0, registry.get("feed.events").tags("coin", "BTC", "type", "book").counter().count());
        assertEquals(1.0, registry.get("feed.events").tags("coin", "BTC", "type", "trade").counter().count());
        assertEquals(2, registry.get("feed.event.lag").tag("venue", "binance").timer().count());
        assertEquals(25.0, registry.get("feed.event.lag").tag("venue", "binance").timer()
                .totalTime(TimeUnit.MILLISECONDS));
    }

    @Test
    void tapeReturnsNewestTradesFirstUpToTheLimit() {
        state.accept(trade(1, "100.5", "1", Aggressor.BUY));
        state.accept(trade(2, "100.0", "2", Aggressor.SELL));
        state.accept(trade(3, "100.1", "3", Aggressor.BUY));
        var tape = state.trades("BTC", 2).orElseThrow();
        assertEquals(List.of("t3", "t2"), tape.trades().stream().map(t -> t.tradeId()).toList());
        assertEquals(Aggressor.SELL, tape.trades().get(1).side());
    }

    @Test
    void badCoinListIsRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new MarketStateService(
                TestConfigs.feed(Map.of("feed.coins", "BTC,not a coin")), registry));
    }

    @Test
    void aBookUpdateMovingTheMidOutOfTheBandIsRolledBackAndACoinWithoutDataIsListedInvalid() {
        assertEquals(Map.of("BTC", "no-data", "ETH", "no-data"), state.invalidCoins());
        seedBook();
        state.accept(book(BookEvent.Kind.UPDATE, 1, List.of(),
                List.of(PriceLevel.of("100.5", "0"), PriceLevel.of("101.0", "0"), PriceLevel.of("5000", "1"))));
        state.accept(trade(2, "150", "1", Aggressor.BUY));

        assertEquals(Map.of("implausible-book", 1L, "implausible-price", 1L), Map.copyOf(state.rejected()));
        BookView book = state.book("BTC", 5).orElseThrow();
        assertEquals(List.of(PriceLevel.of("100.5", "2"), PriceLevel.of("101.0", "2")), book.asks());
        assertEquals(Map.of("ETH", "no-data"), state.invalidCoins());

        state.accept(trade(3, "105", "1", Aggressor.BUY));
        assertEquals(0, new BigDecimal("105").compareTo(state.snapshot("BTC").orElseThrow().lastPrice()),
                "inside the 10 % band of the mid 100.25");
    }
}
