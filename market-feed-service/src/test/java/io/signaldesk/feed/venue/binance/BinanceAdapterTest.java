package io.signaldesk.feed.venue.binance;

import io.signaldesk.market.binance.BinanceAdapter;
import io.signaldesk.market.binance.BinanceAggTrade;
import io.signaldesk.market.binance.BinanceBookTicker;
import io.signaldesk.market.binance.BinanceDepthSnapshot;
import io.signaldesk.market.binance.BinanceDepthUpdate;
import io.signaldesk.market.binance.BinanceError;
import io.signaldesk.market.binance.BinanceResponse;
import io.signaldesk.market.binance.BinanceServerShutdown;
import io.signaldesk.market.binance.BinanceTrade;
import static io.signaldesk.feed.venue.ws.VenueTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.market.venue.VenueParseException;

class BinanceAdapterTest {

    private static final Instrument BNBBTC = new Instrument("BNBBTC", Venue.BINANCE, "BNB");
    private static final Instant RECEIVED = Instant.parse("2023-01-01T00:00:00Z");

    @Test
    void tradeWithBuyerAsMakerMeansTheTakerSold() {
        BinanceTrade trade = assertInstanceOf(BinanceTrade.class, BinanceAdapter.parse(fixture("binance/trade.json")));
        assertEquals("BNBBTC", trade.symbol());
        assertEquals(12345, trade.tradeId());
        assertEquals(new BigDecimal("0.001"), trade.price());
        assertEquals(new BigDecimal("100"), trade.quantity());
        TradeEvent event = BinanceAdapter.toTrade(trade, BNBBTC, RECEIVED);
        assertEquals(Aggressor.SELL, event.aggressor());
        assertEquals("12345", event.tradeId());
        assertEquals(Instant.ofEpochMilli(1672515782136L), event.venueTime());
        assertEquals(RECEIVED, event.receiveTime());
    }

    @Test
    void aggTradeWithBuyerAsTakerMeansTheTakerBought() {
        BinanceAggTrade trade = assertInstanceOf(BinanceAggTrade.class,
                BinanceAdapter.parse(fixture("binance/aggTrade.json")));
        TradeEvent event = BinanceAdapter.toTrade(trade, BNBBTC, RECEIVED);
        assertEquals(Aggressor.BUY, event.aggressor());
        assertEquals("a12345", event.tradeId());
        assertEquals(Aggressor.SELL, BinanceAdapter.aggressor(true));
        assertEquals(Aggressor.BUY, BinanceAdapter.aggressor(false));
    }

    @Test
    void depthUpdateCarriesItsUpdateIdRangeAndAbsoluteLevels() {
        BinanceDepthUpdate diff = assertInstanceOf(BinanceDepthUpdate.class,
                BinanceAdapter.parse(fixture("binance/depthUpdate.json")));
        assertEquals(157, diff.firstUpdateId());
        assertEquals(160, diff.finalUpdateId());
        assertEquals(List.of(PriceLevel.of("0.0024", "10")), diff.bids());
        assertEquals(List.of(PriceLevel.of("0.0026", "100")), diff.asks());
    }

    @Test
    void bookTickerHasNoEventTypeButIsRecognised() {
        BinanceBookTicker ticker = assertInstanceOf(BinanceBookTicker.class,
                BinanceAdapter.parse(fixture("binance/bookTicker.json")));
        assertEquals(400900217, ticker.updateId());
        assertEquals(PriceLevel.of("25.35190000", "31.21000000"), ticker.bestBid());
        assertEquals(PriceLevel.of("25.36520000", "40.66000000"), ticker.bestAsk());
    }

    @Test
    void restDepthSnapshotHasNoSymbol() {
        BinanceDepthSnapshot snapshot = assertInstanceOf(BinanceDepthSnapshot.class,
                BinanceAdapter.parse(fixture("binance/depthSnapshot.json")));
        assertNull(snapshot.symbol());
        assertEquals(160, snapshot.lastUpdateId());
        assertEquals(1, snapshot.bids().size());
    }

    @Test
    void serverShutdownSubscribeAckAndErrorAreRecognised() {
        assertInstanceOf(BinanceServerShutdown.class, BinanceAdapter.parse(fixture("binance/serverShutdown.json")));
        assertEquals(1, assertInstanceOf(BinanceResponse.class,
                BinanceAdapter.parse(fixture("binance/subscribeAck.json"))).id());
        BinanceError error = assertInstanceOf(BinanceError.class, BinanceAdapter.parse(fixture("binance/error.json")));
        assertEquals(2, error.code());
    }

    @Test
    void malformedFramesAreRejectedWithTheirKind() {
        assertKind("bad_json", "{not json");
        assertKind("bad_json", "[1,2]");
        assertKind("missing_field", "{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"t\":1,\"q\":\"1\",\"T\":1,\"m\":true}");
        assertKind("negative_size", "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":1,\"u\":2,"
                + "\"b\":[[\"0.0024\",\"-1\"]],\"a\":[]}");
        assertKind("bad_value", "{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"t\":1,\"p\":\"abc\",\"q\":\"1\",\"T\":1,\"m\":true}");
        assertKind("bad_value", "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":5,\"u\":2,\"b\":[],\"a\":[]}");
        assertKind("unknown_type", "{\"e\":\"kline\",\"E\":1,\"s\":\"BNBBTC\"}");
        assertKind("unknown_type", "{\"hello\":1}");
    }

    @Test
    void buildsSymbolsAndTheCombinedStreamUrlFromCoinsAndQuote() {
        List<Instrument> instruments = List.of(BinanceAdapter.instrument("BTC", "USDT"),
                BinanceAdapter.instrument("eth", "USDT"));
        assertEquals(new Instrument("BTCUSDT", Venue.BINANCE, "BTC"), instruments.get(0));
        assertEquals("ETHUSDT", instruments.get(1).symbol());
        assertEquals("wss://data-stream.binance.vision/stream?streams=btcusdt@trade/btcusdt@depth@100ms/"
                + "ethusdt@trade/ethusdt@depth@100ms",
                BinanceAdapter.combinedStreamUrl("wss://data-stream.binance.vision/", instruments));
        assertEquals("https://api.binance.com/api/v3/depth?symbol=BTCUSDT&limit=1000",
                BinanceAdapter.depthSnapshotUrl("https://api.binance.com", instruments.get(0), 1000));
    }

    private static void assertKind(String kind, String frame) {
        VenueParseException e = assertThrows(VenueParseException.class, () -> BinanceAdapter.parse(frame), frame);
        assertEquals(kind, e.kind(), e.getMessage());
    }
}
