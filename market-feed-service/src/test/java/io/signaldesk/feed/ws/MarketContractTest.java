package io.signaldesk.feed.ws;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.core.contract.Contracts;
import io.signaldesk.core.market.Aggressor;
import io.signaldesk.feed.TestConfigs;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.feed.domain.FeedIdentity;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.feed.domain.MarketSnapshot;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.feed.service.MarketStateService;

/**
 * The feed is the producer of the market contracts (trading-core's contracts/ fixtures): a /ws/market snapshot frame
 * and the GET /api/market/snapshot body, written by this service's own ObjectMapper from a known market: BTC with a
 * book and three trades (a rules LONG), ETH followed but not yet seen (every feature null). decision-service and
 * ai-analyzer-service read the same files in their contract tests.
 */
@QuarkusTest
class MarketContractTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instrument BTC = Instrument.of(Venue.BINANCE, "BTCUSDT", "BTC");
    private static final FeedIdentity FEED = new FeedIdentity("replay", "run1", "replay#run1", T0);

    @Inject
    ObjectMapper mapper;

    /** BTC: top-2 bids 3 + 1 vs asks 1 + 1 (share 0.6667), trades 100.0 sell 0.5, 100.5 buy 2, 100.6 buy 1 (+0.6 %). */
    static MarketStateService market() {
        MarketStateService state = new MarketStateService(
                TestConfigs.feed(Map.of("feed.coins", "BTC,ETH", "feed.imbalance-depth", "2")), new SimpleMeterRegistry(),
                Clock.fixed(T0.plusSeconds(50).plusMillis(120), ZoneOffset.UTC));
        state.accept(new BookEvent(BTC, BookEvent.Kind.SNAPSHOT,
                List.of(PriceLevel.of("100.4", "3"), PriceLevel.of("100.3", "1"), PriceLevel.of("100.0", "5")),
                List.of(PriceLevel.of("100.7", "1"), PriceLevel.of("100.8", "1")), T0, T0.plusMillis(20)));
        state.accept(trade(1, "100.0", "0.5", Aggressor.SELL));
        state.accept(trade(30, "100.5", "2", Aggressor.BUY));
        state.accept(trade(50, "100.6", "1", Aggressor.BUY));
        return state;
    }

    private static TradeEvent trade(int second, String price, String size, Aggressor aggressor) {
        return new TradeEvent(BTC, new BigDecimal(price), new BigDecimal(size), aggressor, "t" + second,
                T0.plusSeconds(second), T0.plusSeconds(second).plusMillis(5));
    }

    @Test
    void writesTheWebSocketSnapshotFrameOfTheContract() throws Exception {
        MarketStateService state = market();
        String frame = mapper.writeValueAsString(new WsMessages.Snapshot(T0.plusSeconds(50).plusMillis(120), FEED,
                state.snapshot()));
        Contracts.assertProduces(Contracts.FEED_WS_SNAPSHOT, frame);
    }

    @Test
    void writesTheRestSnapshotOfTheContract() throws Exception {
        MarketStateService state = market();
        String body = mapper.writeValueAsString(new MarketSnapshot("replay", T0.plusSeconds(50).plusMillis(120),
                state.snapshot(), FEED));
        Contracts.assertProduces(Contracts.FEED_REST_SNAPSHOT, body);
    }
}
