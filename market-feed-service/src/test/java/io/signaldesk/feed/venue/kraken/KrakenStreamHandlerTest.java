package io.signaldesk.feed.venue.kraken;

import static io.signaldesk.feed.venue.ws.VenueTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.OrderBook;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.feed.venue.ws.VenueTelemetry;
import io.signaldesk.feed.venue.ws.VenueTestSupport;
import io.signaldesk.feed.venue.ws.VenueTestSupport.ControlSpy;
import io.signaldesk.feed.venue.ws.VenueTestSupport.RecordingSink;

class KrakenStreamHandlerTest {

    private final RecordingSink sink = new RecordingSink();
    private final VenueTelemetry telemetry = VenueTestSupport.telemetry(Venue.KRAKEN);
    private final ControlSpy control = new ControlSpy();
    private final KrakenStreamHandler handler = new KrakenStreamHandler(List.of(KrakenAdapter.instrument("BTC", "USD")),
            10, sink, telemetry);

    @Test
    void subscribesTradesWithoutHistoryAndTheBookAtTheConfiguredDepth() {
        handler.onOpen(control);

        assertEquals(2, control.sent.size());
        assertTrue(control.sent.get(0).contains("\"channel\":\"trade\"") && control.sent.get(0).contains("\"snapshot\":false"));
        assertTrue(control.sent.get(1).contains("\"channel\":\"book\"") && control.sent.get(1).contains("\"depth\":10"));
    }

    @Test
    void verifiedUpdateIsEmittedWithRemovalsForLevelsTruncatedOutOfDepth() {
        handler.onOpen(control);
        handler.onFrame(fixture("kraken/book_snapshot.json"), Instant.EPOCH, control);
        handler.onFrame(fixture("kraken/book_update.json"), Instant.EPOCH, control);

        assertEquals(0, telemetry.resyncs());
        List<BookEvent> books = sink.books();
        assertEquals(BookEvent.Kind.SNAPSHOT, books.get(0).kind());
        BookEvent update = books.get(1);
        assertEquals(BookEvent.Kind.UPDATE, update.kind());
        // 45284.0 inserted at the top pushed 45276.6 out of the 10-level book
        assertTrue(update.bids().contains(PriceLevel.of("45276.6", "0")));
        OrderBook consumer = new OrderBook(books.get(0).instrument());
        books.forEach(consumer::apply);
        assertEquals(10, consumer.bidLevels());
        assertEquals(PriceLevel.of("45284.0", "0.05000000"), consumer.bestBid().orElseThrow());
        assertEquals(PriceLevel.of("45286.4", "1.54571953"), consumer.bestAsk().orElseThrow());
        assertEquals(handler.book("BTC/USD").orElseThrow().bids(), consumer.bids(10));
    }

    @Test
    void checksumMismatchResubscribesTheBookAndIgnoresUpdatesUntilTheNewSnapshot() {
        handler.onOpen(control);
        handler.onFrame(fixture("kraken/book_snapshot.json"), Instant.EPOCH, control);
        control.sent.clear();

        handler.onFrame(fixture("kraken/book_update_bad_checksum.json"), Instant.EPOCH, control);

        assertEquals(1, telemetry.resyncs());
        assertFalse(handler.synced("BTC/USD"));
        assertEquals(2, control.sent.size());
        assertTrue(control.sent.get(0).startsWith("{\"method\":\"unsubscribe\",\"params\":{\"channel\":\"book\""));
        assertTrue(control.sent.get(1).startsWith("{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\""));
        int eventsBefore = sink.events.size();
        handler.onFrame(fixture("kraken/book_update.json"), Instant.EPOCH, control);
        assertEquals(eventsBefore, sink.events.size(), "no update applied to a book being rebuilt");

        handler.onFrame(fixture("kraken/book_snapshot.json"), Instant.EPOCH, control);
        assertTrue(handler.synced("BTC/USD"));
        assertEquals(2, sink.snapshots());
    }

    @Test
    void garbageAndUnknownSymbolsAreCountedAndSkipped() {
        handler.onOpen(control);
        handler.onFrame(fixture("kraken/book_snapshot.json"), Instant.EPOCH, control);

        handler.onFrame("garbage", Instant.EPOCH, control);
        handler.onFrame(fixture("kraken/trade.json").replace("BTC/USD", "DOGE/USD"), Instant.EPOCH, control);

        assertEquals(3, telemetry.parseErrors());
        assertTrue(handler.synced("BTC/USD"));
        assertEquals(0, sink.trades().size());
    }

    @Test
    void aResubscriptionThatBringsNoSnapshotEndsInAReconnect() {
        KrakenStreamHandler watched = new KrakenStreamHandler(List.of(KrakenAdapter.instrument("BTC", "USD")), 10, sink,
                telemetry, 15_000);
        watched.onOpen(control);
        watched.onFrame(fixture("kraken/book_snapshot.json"), Instant.EPOCH, control);
        watched.onFrame(fixture("kraken/book_update_bad_checksum.json"), Instant.EPOCH, control);
        assertEquals(1, control.scheduled.size());

        control.scheduled.get(0).run();

        assertEquals(List.of("no BTC/USD book snapshot 15000 ms after resubscribing"), control.reconnects);
    }

    @Test
    void aResubscriptionAnsweredInTimeNeedsNoReconnect() {
        KrakenStreamHandler watched = new KrakenStreamHandler(List.of(KrakenAdapter.instrument("BTC", "USD")), 10, sink,
                telemetry, 15_000);
        watched.onOpen(control);
        watched.onFrame(fixture("kraken/book_snapshot.json"), Instant.EPOCH, control);
        watched.onFrame(fixture("kraken/book_update_bad_checksum.json"), Instant.EPOCH, control);
        watched.onFrame(fixture("kraken/book_snapshot.json"), Instant.EPOCH, control);

        control.scheduled.get(0).run();

        assertTrue(control.reconnects.isEmpty());
    }

    @Test
    void rejectsADepthKrakenDoesNotOffer() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new KrakenStreamHandler(List.of(KrakenAdapter.instrument("BTC", "USD")), 20, sink, telemetry));
        assertTrue(e.getMessage().startsWith("feed.kraken.depth must be one of [10, 25, 100, 500, 1000]"));
    }

    @Test
    void tradesAreEmittedForFollowedSymbols() {
        handler.onFrame(fixture("kraken/trade.json"), Instant.EPOCH, control);

        assertEquals(2, sink.trades().size());
        assertEquals("BTC", sink.trades().get(0).instrument().coin());
    }
}
