package io.signaldesk.feed.venue.binance;

import io.signaldesk.market.binance.BinanceAdapter;
import static io.signaldesk.feed.venue.ws.VenueTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.core.market.Aggressor;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.OrderBook;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.source.SourceStatus;
import io.signaldesk.feed.venue.ws.FakeExchange;
import io.signaldesk.feed.venue.ws.VenueTestSupport;
import io.signaldesk.feed.venue.ws.VenueTestSupport.RecordingSink;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/** BinanceSource against a fake Binance: WebSocket combined stream plus REST depth snapshots. */
class BinanceSourceFakeExchangeTest {

    private static final ManagedExecutor EXECUTOR = ManagedExecutor.builder().build();

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Vertx vertx;
    private FakeExchange exchange;
    private SimpleMeterRegistry registry;
    private BinanceSource source;
    private final RecordingSink sink = new RecordingSink();
    private final AtomicLong snapshotId = new AtomicLong(100);

    @BeforeEach
    void startFakeBinance() throws Exception {
        vertx = Vertx.vertx();
        exchange = new FakeExchange(vertx);
        exchange.rest(request -> request.path().equals("/api/v3/depth") && "BTCUSDT".equals(request.getParam("symbol"))
                ? "{\"lastUpdateId\":" + snapshotId.get() + ",\"bids\":[[\"100.00\",\"1.0\"],[\"99.00\",\"2.0\"]],"
                        + "\"asks\":[[\"101.00\",\"1.5\"],[\"102.00\",\"3.0\"]]}"
                : null);
        registry = new SimpleMeterRegistry();
        FeedConfig config = config(Map.of());
        source = new BinanceSource(config, vertx, registry);
        assertTrue(source.selectedBy(config));
    }

    private FeedConfig config(Map<String, String> extra) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "feed.source", "binance",
                "feed.coins", "BTC",
                "feed.binance.url", exchange.wsUrl(),
                "feed.binance.rest-url", exchange.httpUrl(),
                "feed.binance.snapshot-depth", "50",
                "feed.reconnect.initial-backoff", "20ms",
                "feed.reconnect.max-backoff", "200ms",
                "feed.stale-after", "30s"));
        properties.putAll(extra);
        return VenueTestSupport.feedConfig(properties);
    }

    @AfterEach
    void stop() throws Exception {
        source.stop();
        exchange.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectsOnlyWhenStartedAndBuildsTheBookFromRestSnapshotPlusDiffs() {
        assertEquals(SourceKind.BINANCE, source.kind());
        assertEquals(SourceStatus.State.STOPPED, source.status().state());
        assertTrue(exchange.connections.isEmpty(), "no connection before start");

        source.start(sink);
        await("connection", WAIT, () -> exchange.connections.size() == 1);
        assertEquals(0.0, registry.get("feed.reconnects").tag("venue", "binance").counter().count(),
                "registered at zero on start");
        assertEquals("/stream", exchange.current().path());
        assertEquals("streams=btcusdt@trade/btcusdt@depth@100ms", exchange.current().query());

        exchange.send(diff(99, 100, "100.00", "5.0"));   // already in the snapshot: dropped
        exchange.send(diff(101, 102, "99.00", "0"));     // straddles 100 + 1: applied
        await("first snapshot", WAIT, () -> sink.snapshots() == 1);
        assertEquals("/api/v3/depth?symbol=BTCUSDT&limit=50", exchange.requests.get(0));
        exchange.send(trade(7, "100.50", true));
        await("trade", WAIT, () -> sink.trades().size() == 1);

        OrderBook book = consumerBook();
        assertEquals(PriceLevel.of("100.00", "1.0"), book.bestBid().orElseThrow());
        assertEquals(1, book.bidLevels(), "99.00 removed by the diff");
        assertEquals(Aggressor.SELL, sink.trades().get(0).aggressor());
        assertEquals(SourceStatus.State.LIVE, source.status().state());
    }

    @Test
    void survivesGarbageASequenceGapADroppedConnectionAndServerShutdown() {
        source.start(sink);
        await("connection", WAIT, () -> exchange.connections.size() == 1);
        exchange.send(diff(101, 101, "100.00", "2.0"));
        await("first snapshot", WAIT, () -> sink.snapshots() == 1);

        // garbage: counted, skipped, the stream goes on
        exchange.send("{this is not json");
        exchange.send(diff(102, 102, "100.00", "3.0"));
        await("update after garbage", WAIT, () -> updates() == 1);
        assertEquals(1, source.status().parseErrors());

        // gap: 103..109 missing -> resync from a new REST snapshot
        snapshotId.set(111);
        exchange.send(diff(110, 112, "100.00", "4.0"));
        await("resync snapshot", WAIT, () -> sink.snapshots() == 2);
        assertEquals(1, source.status().resyncs());
        assertEquals(PriceLevel.of("100.00", "4.0"), consumerBook().bestBid().orElseThrow());

        // dropped connection -> reconnect with backoff, book rebuilt from a fresh snapshot
        exchange.current().close();
        await("reconnect", WAIT, () -> exchange.connections.size() == 2);
        snapshotId.set(200);
        exchange.send(diff(201, 201, "100.00", "6.0"));
        await("snapshot after reconnect", WAIT, () -> sink.snapshots() == 3);
        await("reconnect counted", WAIT, () -> source.status().reconnects() == 1);

        // the venue's ping is answered with a pong carrying the same payload
        exchange.current().writePing(Buffer.buffer("ping-42"));
        await("pong", WAIT, () -> exchange.pongs.contains("ping-42"));

        // serverShutdown announces the cut: reconnect at once
        exchange.send("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"serverShutdown\",\"E\":1727812800000}}");
        await("reconnect after serverShutdown", WAIT, () -> exchange.connections.size() == 3);
        await("second reconnect counted", WAIT, () -> source.status().reconnects() == 2);

        assertEquals(1.0, registry.get("feed.parse.errors").tag("venue", "binance").tag("kind", "bad_json").counter().count());
        assertEquals(1.0, registry.get("feed.resyncs").tag("venue", "binance").tag("reason", "sequence_gap").counter().count());
        assertEquals(2.0, registry.get("feed.reconnects").tag("venue", "binance").counter().count());
        assertTrue(registry.get("feed.messages").tag("venue", "binance").tag("type", "depthUpdate").counter().count() >= 4);
        assertFalse(consumerBook().isCrossed());
    }

    @Test
    void aFailingDepthEndpointIsRetriedUntilItAnswers() {
        exchange.rest(request -> null);
        source.start(sink);
        await("connection", WAIT, () -> exchange.connections.size() == 1);
        exchange.send(diff(101, 101, "100.00", "2.0"));
        await("failed snapshot attempts", WAIT, () -> exchange.requests.size() >= 2);
        assertEquals(0, sink.snapshots());

        exchange.rest(request -> "{\"lastUpdateId\":100,\"bids\":[[\"100.00\",\"1.0\"]],\"asks\":[[\"101.00\",\"1.0\"]]}");
        await("snapshot once REST answers", WAIT, () -> sink.snapshots() == 1);
        assertTrue(source.status().lastError().startsWith("depth snapshot for BTCUSDT failed"),
                source.status().lastError());
    }

    @Test
    void aRawRecordingReplaysToTheSameBookAndTrades(@TempDir Path dir) {
        Path raw = dir.resolve("raw.txt");
        source = new BinanceSource(config(Map.of("feed.record.raw-file", raw.toString())), vertx, registry);
        source.start(sink);
        await("connection", WAIT, () -> exchange.connections.size() == 1);
        exchange.send(diff(101, 101, "100.00", "2.0"));
        await("first snapshot", WAIT, () -> sink.snapshots() == 1);
        exchange.send(trade(1, "100.50", false));
        exchange.send(diff(102, 102, "99.50", "1.0"));
        snapshotId.set(120);
        exchange.send(diff(110, 121, "99.00", "0"));
        await("resync snapshot", WAIT, () -> sink.snapshots() == 2);
        exchange.send(diff(122, 122, "98.00", "4.0"));
        exchange.send(trade(2, "100.00", true));
        await("last update and trade", WAIT, () -> sink.trades().size() == 2 && updates() == 2);
        source.stop();

        FeedConfig replay = config(Map.of("feed.source", "replay", "feed.replay.format", "binance-capture",
                "feed.replay.file", raw.toString(), "feed.replay.speed", "0"));
        BinanceCaptureReplaySource player = new BinanceCaptureReplaySource(replay, new SimpleMeterRegistry(), EXECUTOR);
        RecordingSink replayed = new RecordingSink();
        player.start(replayed);
        await("replay end", WAIT, () -> player.status().state() == SourceStatus.State.FINISHED);

        OrderBook replayedBook = new OrderBook(BinanceAdapter.instrument("BTC", "USDT"));
        replayed.books().forEach(replayedBook::apply);
        assertEquals(consumerBook().bids(10), replayedBook.bids(10));
        assertEquals(consumerBook().asks(10), replayedBook.asks(10));
        assertEquals(sink.trades().stream().map(t -> t.tradeId() + t.aggressor() + t.price()).toList(),
                replayed.trades().stream().map(t -> t.tradeId() + t.aggressor() + t.price()).toList());
        assertEquals(1, player.status().resyncs(), "the recorded gap is met again and healed by the recorded snapshot");
        assertEquals(0, player.status().parseErrors());
    }

    private long updates() {
        return sink.books().stream().filter(b -> b.kind() == BookEvent.Kind.UPDATE).count();
    }

    private OrderBook consumerBook() {
        OrderBook book = new OrderBook(BinanceAdapter.instrument("BTC", "USDT"));
        sink.books().forEach(book::apply);
        return book;
    }

    private static String diff(long first, long last, String bidPrice, String bidSize) {
        return "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161255208,"
                + "\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last + ",\"b\":[[\"" + bidPrice + "\",\"" + bidSize
                + "\"]],\"a\":[]}}";
    }

    private static String trade(long id, String price, boolean buyerIsMaker) {
        return "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\",\"t\":" + id
                + ",\"p\":\"" + price + "\",\"q\":\"0.02\",\"T\":1723161255342,\"m\":" + buyerIsMaker + ",\"M\":true}}";
    }
}
