package io.signaldesk.feed.venue.coinbase;

import static io.signaldesk.feed.venue.ws.VenueTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.market.domain.BookSide;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.market.venue.VenueParseException;

class CoinbaseAdapterTest {

    private static final Instrument BTC = CoinbaseAdapter.instrument("BTC", "USD");

    @Test
    void marketTradesSideIsTheTakersSide() {
        CoinbaseMarketTrades message = assertInstanceOf(CoinbaseMarketTrades.class,
                CoinbaseAdapter.parse(fixture("coinbase/market_trades.json")));
        List<CoinbaseTrade> trades = message.events().get(0).trades();
        TradeEvent buy = CoinbaseAdapter.toTrade(trades.get(0), BTC, Instant.EPOCH);
        TradeEvent sell = CoinbaseAdapter.toTrade(trades.get(1), BTC, Instant.EPOCH);

        assertEquals(0, message.sequenceNum());
        assertEquals(Aggressor.BUY, buy.aggressor());
        assertEquals(Aggressor.SELL, sell.aggressor());
        assertEquals(new BigDecimal("68900.50"), buy.price());
        assertEquals(new BigDecimal("0.0015"), buy.size());
        assertEquals("995098700", buy.tradeId());
        assertEquals(Instant.parse("2023-02-09T20:19:35.396Z"), buy.venueTime());
    }

    @Test
    void level2ArrivesAsL2DataWithBidAndOfferSides() {
        CoinbaseLevel2 snapshot = assertInstanceOf(CoinbaseLevel2.class,
                CoinbaseAdapter.parse(fixture("coinbase/l2_snapshot.json")));
        CoinbaseLevel2 update = assertInstanceOf(CoinbaseLevel2.class,
                CoinbaseAdapter.parse(fixture("coinbase/l2_update.json")));

        assertTrue(snapshot.events().get(0).snapshot());
        assertEquals(Instant.parse("2023-02-09T20:32:50.714964855Z"), snapshot.timestamp());
        List<List<PriceLevel>> levels = CoinbaseAdapter.levels(snapshot.events().get(0));
        assertEquals(2, levels.get(0).size());
        assertEquals(PriceLevel.of("68901.00", "0.50000000"), levels.get(1).get(0));
        CoinbaseL2Update removal = update.events().get(0).updates().get(1);
        assertEquals(BookSide.ASK, removal.side());
        assertEquals(0, removal.newQuantity().signum());
    }

    @Test
    void heartbeatsSubscriptionsAndErrorsAreRecognised() {
        CoinbaseHeartbeat heartbeat = assertInstanceOf(CoinbaseHeartbeat.class,
                CoinbaseAdapter.parse(fixture("coinbase/heartbeats.json")));
        assertEquals(3049, heartbeat.counter());
        assertEquals(3, heartbeat.sequenceNum());
        assertInstanceOf(CoinbaseSubscriptions.class, CoinbaseAdapter.parse(fixture("coinbase/subscriptions.json")));
        assertEquals("failure to subscribe", assertInstanceOf(CoinbaseError.class,
                CoinbaseAdapter.parse(fixture("coinbase/error.json"))).message());
    }

    @Test
    void malformedFramesAreRejectedWithTheirKind() {
        assertKind("bad_json", "nope");
        assertKind("missing_field", "{\"timestamp\":\"2023-02-09T20:32:50Z\"}");
        assertKind("unknown_type", "{\"channel\":\"candles\",\"sequence_num\":1,\"events\":[]}");
        assertKind("missing_field", "{\"channel\":\"l2_data\",\"timestamp\":\"2023-02-09T20:32:50Z\",\"events\":[]}");
        assertKind("negative_size", fixture("coinbase/l2_update.json").replace("\"2.00000000\"", "\"-2\""));
        assertKind("bad_value", fixture("coinbase/l2_update.json").replace("\"offer\"", "\"middle\""));
        assertKind("bad_value", fixture("coinbase/market_trades.json").replace("\"BUY\"", "\"UP\""));
    }

    @Test
    void subscribeMessagesNameOneChannelEach() {
        assertEquals("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channel\":\"level2\"}",
                CoinbaseAdapter.subscribe("level2", List.of("BTC-USD", "ETH-USD")));
        assertEquals(new Instrument("BTC-USD", Venue.COINBASE, "BTC"), BTC);
    }

    private static void assertKind(String kind, String frame) {
        VenueParseException e = assertThrows(VenueParseException.class, () -> CoinbaseAdapter.parse(frame), frame);
        assertEquals(kind, e.kind(), e.getMessage());
    }
}
