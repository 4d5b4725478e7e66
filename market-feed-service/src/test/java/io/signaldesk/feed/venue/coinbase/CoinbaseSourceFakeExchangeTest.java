package io.signaldesk.feed.venue.coinbase;

import static io.signaldesk.feed.venue.ws.VenueTestSupport.await;
import static io.signaldesk.feed.venue.ws.VenueTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
import io.vertx.core.http.ServerWebSocket;

/** CoinbaseSource against a fake Advanced Trade feed that numbers its messages per connection. */
class CoinbaseSourceFakeExchangeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Vertx vertx;
    private FakeExchange exchange;
    private SimpleMeterRegistry registry;
    private CoinbaseSource source;
    private final RecordingSink sink = new RecordingSink();
    private final AtomicLong sequence = new AtomicLong();

    @BeforeEach
    void startFakeCoinbase() throws Exception {
        vertx = Vertx.vertx();
        exchange = new FakeExchange(vertx);
        exchange.onText((ws, text) -> {
            if (text.startsWith("{\"type\":\"subscribe\"") && text.contains("\"channel\":\"level2\"")) {
                send(ws, fixture("coinbase/l2_snapshot.json"));
            }
        });
        registry = new SimpleMeterRegistry();
        FeedConfig config = VenueTestSupport.feedConfig(Map.of(
                "feed.source", "coinbase",
                "feed.coins", "BTC",
                "feed.coinbase.url", exchange.wsUrl(),
                "feed.reconnect.initial-backoff", "20ms",
                "feed.reconnect.max-backoff", "200ms",
                "feed.stale-after", "30s"));
        source = new CoinbaseSource(config, vertx, registry);
    }

    @AfterEach
    void stop() throws Exception {
        source.stop();
        exchange.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sequenceGapResubscribesLevel2AndADroppedConnectionIsReopened() {
        assertEquals(SourceKind.COINBASE, source.kind());
        source.start(sink);
        await("snapshot", WAIT, () -> sink.snapshots() == 1);

        send(exchange.current(), fixture("coinbase/l2_update.json"));
        send(exchange.current(), fixture("coinbase/market_trades.json"));
        await("update and trades", WAIT, () -> sink.books().size() == 2 && sink.trades().size() == 2);
        assertEquals(PriceLevel.of("68902.00", "2.00000000"), consumerBook().bestAsk().orElseThrow());

        exchange.send("[1,2,3]");
        sequence.addAndGet(5); // five messages lost
        send(exchange.current(), fixture("coinbase/heartbeats.json"));
        await("resync snapshot", WAIT, () -> sink.snapshots() == 2);
        assertEquals(1, source.status().resyncs());
        assertEquals(1, source.status().parseErrors());
        assertEquals(PriceLevel.of("68901.00", "0.50000000"), consumerBook().bestAsk().orElseThrow());

        sequence.set(0);
        exchange.current().close();
        await("reconnected with a new snapshot", WAIT, () -> exchange.connections.size() == 2 && sink.snapshots() == 3);
        await("reconnect counted", WAIT, () -> source.status().reconnects() == 1);
        assertEquals(1, source.status().resyncs(), "a new connection restarts the sequence without a resync");
        assertEquals(1.0, registry.get("feed.resyncs").tag("venue", "coinbase").tag("reason", "sequence_gap").counter().count());
    }

    /** Rewrites the fixture's sequence_num with the connection's next number. */
    private void send(ServerWebSocket ws, String frame) {
        ws.writeTextMessage(frame.replaceFirst("\"sequence_num\":\\d+", "\"sequence_num\":" + sequence.getAndIncrement()));
    }

    private OrderBook consumerBook() {
        OrderBook book = new OrderBook(CoinbaseAdapter.instrument("BTC", "USD"));
        sink.books().forEach(book::apply);
        return book;
    }
}
