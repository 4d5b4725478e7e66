package io.signaldesk.feed.venue.coinbase;

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

class CoinbaseStreamHandlerTest {

    private final RecordingSink sink = new RecordingSink();
    private final VenueTelemetry telemetry = VenueTestSupport.telemetry(Venue.COINBASE);
    private final ControlSpy control = new ControlSpy();
    private final CoinbaseStreamHandler handler = new CoinbaseStreamHandler(
            List.of(CoinbaseAdapter.instrument("BTC", "USD")), sink, telemetry);

    @Test
    void subscribesHeartbeatsTradesAndLevel2OneMessagePerChannel() {
        handler.onOpen(control);

        assertEquals(3, control.sent.size());
        assertTrue(control.sent.get(0).contains("\"channel\":\"heartbeats\""));
        assertTrue(control.sent.get(1).contains("\"channel\":\"market_trades\""));
        assertTrue(control.sent.get(2).contains("\"channel\":\"level2\""));
    }

    @Test
    void snapshotThenUpdateBuildTheBookAndQuantityZeroRemovesALevel() {
        handler.onOpen(control);
        handler.onFrame(fixture("coinbase/subscriptions.json"), Instant.EPOCH, control);
        handler.onFrame(fixture("coinbase/l2_snapshot.json"), Instant.EPOCH, control);
        handler.onFrame(fixture("coinbase/l2_update.json"), Instant.EPOCH, control);

        List<BookEvent> books = sink.books();
        assertEquals(List.of(BookEvent.Kind.SNAPSHOT, BookEvent.Kind.UPDATE), books.stream().map(BookEvent::kind).toList());
        OrderBook consumer = new OrderBook(books.get(0).instrument());
        books.forEach(consumer::apply);
        assertEquals(PriceLevel.of("68900.00", "2.00000000"), consumer.bestBid().orElseThrow());
        assertEquals(PriceLevel.of("68902.00", "2.00000000"), consumer.bestAsk().orElseThrow());
        assertEquals(0, telemetry.resyncs());
    }

    @Test
    void aSequenceGapResubscribesLevel2AndSkipsUpdatesUntilTheNewSnapshot() {
        handler.onOpen(control);
        handler.onFrame(fixture("coinbase/l2_snapshot.json"), Instant.EPOCH, control);
        control.sent.clear();

        handler.onFrame(fixture("coinbase/l2_update.json").replace("\"sequence_num\":2", "\"sequence_num\":7"),
                Instant.EPOCH, control);

        assertEquals(1, telemetry.resyncs());
        assertFalse(handler.synced("BTC-USD"));
        assertEquals(List.of("{\"type\":\"unsubscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"level2\"}",
                "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"level2\"}"), control.sent);
        assertEquals(1, sink.books().size(), "the update after the gap was not applied");

        handler.onFrame(fixture("coinbase/l2_snapshot.json").replace("\"sequence_num\":1", "\"sequence_num\":8"),
                Instant.EPOCH, control);
        assertTrue(handler.synced("BTC-USD"));
        assertEquals(2, sink.snapshots());
    }

    @Test
    void noSnapshotAfterAResyncWithinTheTimeoutEndsInAReconnectUnlessTheConnectionWasRenewed() {
        CoinbaseStreamHandler watched = new CoinbaseStreamHandler(List.of(CoinbaseAdapter.instrument("BTC", "USD")),
                sink, telemetry, 15_000);
        watched.onOpen(control);
        watched.onFrame(fixture("coinbase/l2_snapshot.json"), Instant.EPOCH, control);
        watched.onFrame(fixture("coinbase/l2_update.json").replace("\"sequence_num\":2", "\"sequence_num\":9"),
                Instant.EPOCH, control);
        watched.onFrame(fixture("coinbase/l2_update.json").replace("\"sequence_num\":2", "\"sequence_num\":20"),
                Instant.EPOCH, control);
        assertEquals(2, control.scheduled.size());

        control.scheduled.get(0).run();
        assertEquals(List.of("no level2 snapshot 15000 ms after resubscribing"), control.reconnects);

        watched.onOpen(control); // the reconnect happened: older watchdogs no longer apply
        control.scheduled.get(1).run();
        assertEquals(1, control.reconnects.size());
    }

    @Test
    void anOlderSequenceNumberIsCountedAndSkipped() {
        handler.onOpen(control);
        handler.onFrame(fixture("coinbase/heartbeats.json"), Instant.EPOCH, control);

        handler.onFrame(fixture("coinbase/l2_snapshot.json"), Instant.EPOCH, control);

        assertEquals(1, telemetry.parseErrors());
        assertEquals(0, sink.books().size());
    }

    @Test
    void aCrossedSnapshotIsNotEmittedAndTriggersAResync() {
        handler.onOpen(control);
        handler.onFrame(fixture("coinbase/l2_snapshot.json").replace("\"68901.00\"", "\"68800.00\""), Instant.EPOCH,
                control);

        assertEquals(1, telemetry.resyncs());
        assertEquals(0, sink.books().size());
        assertFalse(handler.synced("BTC-USD"));
    }

    @Test
    void onlyLiveTradesAreEmittedNotTheSubscriptionHistory() {
        handler.onFrame(fixture("coinbase/market_trades.json"), Instant.EPOCH, control);
        handler.onFrame(fixture("coinbase/market_trades.json").replace("\"type\":\"update\"", "\"type\":\"snapshot\"")
                .replace("\"sequence_num\":0", "\"sequence_num\":1"), Instant.EPOCH, control);

        assertEquals(2, sink.trades().size());
    }
}
