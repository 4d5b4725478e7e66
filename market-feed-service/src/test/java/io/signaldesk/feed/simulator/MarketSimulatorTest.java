package io.signaldesk.feed.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.feature.FeatureMath;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.OrderBook;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;

class MarketSimulatorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration TICK = Duration.ofMillis(100);
    private static final List<String> COINS = List.of("BTC", "ETH", "SOL");

    private static List<MarketEvent> run(long seed, int ticks) {
        MarketSimulator simulator = new MarketSimulator(seed, COINS);
        List<MarketEvent> events = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            events.addAll(simulator.next(T0.plus(TICK.multipliedBy(i))));
        }
        return events;
    }

    @Test
    void sameSeedAndTicksGiveTheSameEvents() {
        assertEquals(run(7, 600), run(7, 600));
    }

    @Test
    void otherSeedGivesAnotherMarket() {
        assertNotEquals(run(7, 300), run(8, 300));
    }

    @Test
    void startsNearRealisticPricesWithABookSnapshotPerCoin() {
        List<MarketEvent> first = new MarketSimulator(42, COINS).next(T0);
        assertEquals(3, first.size());
        Map<String, Double> start = Map.of("BTC", 95000.0, "ETH", 3300.0, "SOL", 180.0);
        for (MarketEvent event : first) {
            BookEvent book = (BookEvent) event;
            assertEquals(BookEvent.Kind.SNAPSHOT, book.kind());
            assertEquals(20, book.bids().size());
            assertEquals(20, book.asks().size());
            double bid = book.bids().get(0).price().doubleValue();
            double expected = start.get(book.instrument().coin());
            assertTrue(Math.abs(bid / expected - 1) < 0.001, book.instrument().coin() + " starts at " + bid);
        }
    }

    /** Half an hour of simulated market: the book stays sane and the market goes through every regime. */
    @Test
    void longRunStaysRealistic() {
        MarketSimulator simulator = new MarketSimulator(42, COINS);
        Map<String, OrderBook> books = new HashMap<>();
        Set<Regime> regimes = EnumSet.noneOf(Regime.class);
        Map<Long, Integer> tradesPerSecond = new HashMap<>();
        List<double[]> btcSamples = new ArrayList<>();
        int ticks = 18_000;
        for (int i = 0; i < ticks; i++) {
            for (MarketEvent event : simulator.next(T0.plus(TICK.multipliedBy(i)))) {
                String coin = event.instrument().coin();
                if (event instanceof BookEvent book) {
                    OrderBook orderBook = books.computeIfAbsent(coin, c -> new OrderBook(book.instrument()));
                    orderBook.apply(book);
                    assertFalse(orderBook.isCrossed(), coin + " book crossed at tick " + i);
                    assertTrue(orderBook.bidLevels() >= 19 && orderBook.askLevels() >= 19, "levels kept");
                } else if (event instanceof TradeEvent trade) {
                    assertTrue(trade.price().signum() > 0);
                    if (coin.equals("BTC")) {
                        tradesPerSecond.merge(trade.receiveTime().getEpochSecond(), 1, Integer::sum);
                    }
                }
            }
            regimes.addAll(simulator.regimes().values());
            if (i % 10 == 0) {
                OrderBook btc = books.get("BTC");
                double mid = FeatureMath.mid(btc.bestBid().get().price(), btc.bestAsk().get().price()).doubleValue();
                double share = FeatureMath.imbalance(btc.bids(10).stream().map(PriceLevel::size).toList(),
                        btc.asks(10).stream().map(PriceLevel::size).toList(), 10).bidShare().doubleValue();
                btcSamples.add(new double[] { mid, share });
            }
        }
        assertEquals(EnumSet.allOf(Regime.class), regimes, "every regime occurs");
        int busiest = tradesPerSecond.values().stream().max(Integer::compare).orElse(0);
        assertTrue(busiest >= 15, "trade bursts reach " + busiest + " trades in a second");
        long quietSeconds = ticks / 10 - tradesPerSecond.size();
        assertTrue(quietSeconds > 0, "some seconds have no trade");
        for (OrderBook book : books.values()) {
            BigDecimal bid = book.bestBid().orElseThrow().price();
            assertTrue(bid.signum() > 0);
        }
        double lead = imbalanceLeadCorrelation(btcSamples, 5);
        double lag = imbalanceLagCorrelation(btcSamples, 5);
        assertTrue(lead > 0.1, "book imbalance leads the next 5 s of price: correlation " + lead + ", lag " + lag);
    }

    /** Correlation between bid share now and the log return of mid over the next {@code ahead} samples. */
    private static double imbalanceLeadCorrelation(List<double[]> samples, int ahead) {
        int n = samples.size() - ahead;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = samples.get(i)[1];
            y[i] = Math.log(samples.get(i + ahead)[0] / samples.get(i)[0]);
        }
        return correlation(x, y);
    }

    /** Correlation between bid share now and the log return of mid over the previous {@code behind} samples. */
    private static double imbalanceLagCorrelation(List<double[]> samples, int behind) {
        int n = samples.size() - behind;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = samples.get(i + behind)[1];
            y[i] = Math.log(samples.get(i + behind)[0] / samples.get(i)[0]);
        }
        return correlation(x, y);
    }

    private static double correlation(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void sizesAreWholeLotsAndPositive() {
        for (MarketEvent event : run(3, 200)) {
            if (event instanceof BookEvent book) {
                for (PriceLevel level : book.bids()) {
                    assertTrue(level.size().signum() >= 0);
                }
            } else {
                assertTrue(((TradeEvent) event).size().signum() > 0);
            }
        }
    }
}
