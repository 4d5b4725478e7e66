package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.backtest.SimulatedClock;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/**
 * A feed frame's coins are kept under their one Coin name and bounded: "btc" and "BTC" are one coin (one state, one
 * history, one pair of fill counters), and past decision.feed.max-coins a new name is ignored and counted, so a feed
 * naming coins without end cannot grow the engine's state or its metric tags.
 */
class FeedCoinsTest {

    private static final FeedIdentity SIMULATOR = new FeedIdentity("simulator", "run-1", "simulator");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-12-08T01:20:00Z"));

    @Test
    void aCoinInLowerCaseIsTheSameCoin() {
        FeedStateService market = new FeedStateService(Desk.config(Map.of()), registry, clock);

        assertEquals(List.of("BTC"), market.accept(Market.snapshot(SIMULATOR, Market.flat("btc", "97210.5"))));
        assertEquals(List.of("BTC"), market.accept(Market.snapshot(SIMULATOR, Market.flat("BTC", "97211"))));
        assertEquals(List.of("BTC"), market.accept(Market.snapshot(SIMULATOR, Market.flat("Btc", "97212"))));

        assertEquals(List.of("BTC"), market.all().stream().map(CoinSnapshot::coin).toList());
        assertEquals(new BigDecimal("97212"), market.price("BTC").orElseThrow());
        assertEquals(3, market.history("BTC").size(), "one history");
        assertEquals(2, registry.find("decision.fills").counters().size(), "BTC's BUY and SELL counters only");
    }

    @Test
    void coinsBeyondMaxCoinsAreIgnoredAndCounted() {
        FeedStateService market = new FeedStateService(Desk.config(Map.of("decision.feed.max-coins", "3")), registry,
                clock);
        market.accept(Market.snapshot(SIMULATOR, Market.flat("BTC", "97210.5"), Market.flat("ETH", "3300"),
                Market.flat("SOL", "233.41")));

        List<String> followed = market.accept(Market.snapshot(SIMULATOR, Market.flat("AAA1", "1"), Market.flat("AAA2", "1"),
                Market.flat("AAA3", "1"), Market.flat("AAA4", "1"), Market.flat("ETH", "3301")));

        assertEquals(List.of("ETH"), followed, "the known coin is taken, the new names are not");
        assertEquals(List.of("BTC", "ETH", "SOL"), market.all().stream().map(CoinSnapshot::coin).toList());
        assertEquals(new BigDecimal("3301"), market.price("ETH").orElseThrow());
        assertEquals(4.0, registry.counter("decision.feed.coins.refused").count());
        assertEquals(6, registry.find("decision.fills").counters().size(), "fill counters of the three coins only");
    }
}
