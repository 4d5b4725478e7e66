package io.signaldesk.feed.venue.kraken;

import static io.signaldesk.feed.venue.ws.VenueTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.market.venue.VenueParseException;

class KrakenAdapterTest {

    private static final Instrument BTC = KrakenAdapter.instrument("BTC", "USD");

    @Test
    void tradeSideIsTheTakersSideAndNumbersKeepTheirDigits() {
        KrakenTradeMessage message = assertInstanceOf(KrakenTradeMessage.class,
                KrakenAdapter.parse(fixture("kraken/trade.json")));
        assertEquals("update", message.kind());
        TradeEvent buy = KrakenAdapter.toTrade(message.trades().get(0), BTC, Instant.EPOCH);
        TradeEvent sell = KrakenAdapter.toTrade(message.trades().get(1), BTC, Instant.EPOCH);

        assertEquals(Aggressor.BUY, buy.aggressor());
        assertEquals(Aggressor.SELL, sell.aggressor());
        assertEquals("105944.20", buy.price().toPlainString());
        assertEquals(new BigDecimal("0.00027625"), buy.size());
        assertEquals("10218208", buy.tradeId());
        assertEquals(Instant.parse("2023-10-06T17:35:55.440295Z"), buy.venueTime());
    }

    @Test
    void bookSnapshotAndUpdateAreRecognised() {
        KrakenBookMessage snapshot = assertInstanceOf(KrakenBookMessage.class,
                KrakenAdapter.parse(fixture("kraken/book_snapshot.json")));
        KrakenBookMessage update = assertInstanceOf(KrakenBookMessage.class,
                KrakenAdapter.parse(fixture("kraken/book_update.json")));

        assertTrue(snapshot.snapshot());
        assertEquals(10, snapshot.data().get(0).bids().size());
        assertEquals(null, snapshot.data().get(0).timestamp());
        assertFalse(update.snapshot());
        assertEquals(BigDecimal.ZERO.compareTo(update.data().get(0).asks().get(0).size()), 0);
    }

    @Test
    void heartbeatStatusAndAcknowledgementsAreRecognised() {
        assertInstanceOf(KrakenHeartbeat.class, KrakenAdapter.parse(fixture("kraken/heartbeat.json")));
        assertEquals("online", assertInstanceOf(KrakenStatus.class,
                KrakenAdapter.parse(fixture("kraken/status.json"))).system());
        KrakenMethodResponse ack = assertInstanceOf(KrakenMethodResponse.class,
                KrakenAdapter.parse(fixture("kraken/subscribe_ack.json")));
        assertTrue(ack.success());
        assertEquals("book", ack.channel());
        KrakenMethodResponse error = assertInstanceOf(KrakenMethodResponse.class,
                KrakenAdapter.parse(fixture("kraken/subscribe_error.json")));
        assertFalse(error.success());
        assertEquals("error", error.type());
        assertTrue(error.error().contains("ZZZ/USD"));
    }

    @Test
    void malformedFramesAreRejectedWithTheirKind() {
        assertKind("bad_json", "{\"channel\":");
        assertKind("unknown_type", "{\"channel\":\"ohlc\",\"data\":[]}");
        assertKind("unknown_type", "{\"hello\":true}");
        assertKind("missing_field", "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\"}]}");
        assertKind("negative_size", "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\","
                + "\"bids\":[{\"price\":1.5,\"qty\":-2}],\"asks\":[],\"checksum\":1}]}");
        assertKind("bad_value", "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\","
                + "\"side\":\"up\",\"price\":1,\"qty\":1,\"trade_id\":1,\"timestamp\":\"2023-10-06T17:35:55Z\"}]}");
    }

    @Test
    void subscribeRequestsFollowTheV2Shape() {
        assertEquals("{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"],"
                + "\"depth\":10,\"snapshot\":true},\"req_id\":7}",
                KrakenAdapter.subscribe("book", List.of("BTC/USD"), 10, true, 7));
        assertEquals(new Instrument("BTC/USD", Venue.KRAKEN, "BTC"), BTC);
    }

    private static void assertKind(String kind, String frame) {
        VenueParseException e = assertThrows(VenueParseException.class, () -> KrakenAdapter.parse(frame), frame);
        assertEquals(kind, e.kind(), e.getMessage());
    }
}
