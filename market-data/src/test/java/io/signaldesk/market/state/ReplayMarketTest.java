package io.signaldesk.market.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;

/** A replay sampled between events: what is due by the sample's market time is emitted then, not at the next event. */
class ReplayMarketTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instrument BTC = Instrument.of(Venue.SIMULATOR, "BTCUSDT", "BTC");

    private static TradeEvent trade(String price, Instant at) {
        return new TradeEvent(BTC, new BigDecimal(price), BigDecimal.ONE, Aggressor.BUY, "t-" + at.toEpochMilli(), at, at);
    }

    @Test
    void advancingMarketTimeEmitsTheChangesWhoseIntervalHasEnded() {
        List<CoinSnapshot> out = new ArrayList<>();
        ReplayMarket market = new ReplayMarket(List.of("BTC"), Duration.ofSeconds(60), 10, Duration.ofMillis(100), out::add);

        market.accept(trade("100", T0)); // leading edge: at once
        market.accept(trade("101", T0.plusMillis(30))); // within 100 ms of it: pending until T0 + 100 ms
        assertEquals(1, out.size());

        market.advanceTo(T0.plusMillis(99));
        assertEquals(1, out.size(), "the interval has not ended");
        market.advanceTo(T0.plusMillis(100));
        assertEquals(2, out.size());
        assertEquals(0, new BigDecimal("101").compareTo(out.get(1).lastPrice()));
        assertEquals(T0.plusMillis(30), out.get(1).updatedAt(), "stamped with the coin's last event, not the sample");

        market.finish();
        assertEquals(2, out.size(), "nothing left pending");
    }
}
