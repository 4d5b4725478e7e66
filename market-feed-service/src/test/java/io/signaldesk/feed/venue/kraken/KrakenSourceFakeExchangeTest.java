package io.signaldesk.feed.venue.kraken;

import static io.signaldesk.feed.venue.ws.VenueTestSupport.await;
import static io.signaldesk.feed.venue.ws.VenueTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.OrderBook;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.venue.ws.FakeExchange;
import io.signaldesk.feed.venue.ws.VenueTestSupport;
import io.signaldesk.feed.venue.ws.VenueTestSupport.RecordingSink;
import io.vertx.core.Vertx;

/** KrakenSource against a fake Kraken v2 that answers book subscriptions with the documented snapshot. */
class KrakenSourceFakeExchangeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Vertx vertx;
    private FakeExchange exchange;
    private SimpleMeterRegistry registry;
    private KrakenSource source;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void startFakeKraken() throws Exception {
        vertx = Vertx.vertx();
        exchange = new FakeExchange(vertx);
        exchange.onText((ws, text) -> {
            if (text.startsWith("{\"method\":\"subscribe\"") && text.contains("\"channel\":\"book\"")) {
                ws.writeTextMessage(fixture("kraken/subscribe_ack.json"));
                ws.writeTextMessage(fixture("kraken/book_snapshot.json"));
            }
        });
        registry = new SimpleMeterRegistry();
        FeedConfig config = VenueTestSupport.feedConfig(Map.of(
                "feed.source", "kraken",
                "feed.coins", "BTC",
                "feed.kraken.url", exchange.wsUrl() + "/v2",
                "feed.kraken.depth", "10",
                "feed.reconnect.initial-backoff", "20ms",
                "feed.reconnect.max-backoff", "200ms",
                "feed.stale-after", "2s"));
        source = new KrakenSource(config, vertx, registry);
    }

    @AfterEach
    void stop() throws Exception {
        source.stop();
        exchange.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void checksumMismatchResubscribesGarbageIsSkippedAndASilentStreamIsReconnected() {
        assertEquals(SourceKind.KRAKEN, source.kind());
        source.start(sink);
        await("snapshot", WAIT, () -> sink.snapshots() == 1);
        assertEquals("/v2", exchange.current().path());

        exchange.send(fixture("kraken/book_update.json"));
        exchange.send(fixture("kraken/trade.json"));
        await("update and trades", WAIT, () -> sink.books().size() == 2 && sink.trades().size() == 2);
        assertEquals(PriceLevel.of("45284.0", "0.05000000"), consumerBook().bestBid().orElseThrow());

        exchange.send("\u0000garbage");
        exchange.send(fixture("kraken/book_update_bad_checksum.json"));
        await("resubscribed snapshot", WAIT, () -> sink.snapshots() == 2);
        assertEquals(1, source.status().resyncs());
        assertEquals(1, source.status().parseErrors());
        assertTrue(exchange.received.stream().anyMatch(m -> m.startsWith("{\"method\":\"unsubscribe\"")));
        assertEquals(PriceLevel.of("45283.5", "0.10000000"), consumerBook().bestBid().orElseThrow());

        // no frame for longer than feed.stale-after: the source closes and reconnects by itself
        await("stale reconnect", WAIT, () -> exchange.connections.size() == 2 && sink.snapshots() == 3);
        await("reconnect counted", WAIT, () -> source.status().reconnects() == 1);
        assertEquals(1.0, registry.get("feed.resyncs").tag("venue", "kraken").tag("reason", "checksum").counter().count());
        assertEquals(1.0, registry.get("feed.reconnects").tag("venue", "kraken").counter().count());
    }

    private OrderBook consumerBook() {
        OrderBook book = new OrderBook(KrakenAdapter.instrument("BTC", "USD"));
        sink.books().forEach(book::apply);
        return book;
    }
}
