package io.signaldesk.feed.venue.binance;

import static io.signaldesk.feed.venue.ws.VenueTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.OrderBook;
import io.signaldesk.feed.source.SourceStatus;
import io.signaldesk.feed.venue.ws.VenueTestSupport;
import io.signaldesk.feed.venue.ws.VenueTestSupport.RecordingSink;

class BinanceCaptureReplaySourceTest {

    private static final ManagedExecutor EXECUTOR = ManagedExecutor.builder().build();

    private static final String SLICE = "/venue/binance/spot-btcusdt_20240808-first3000.gz";

    @TempDir
    Path dir;

    private SourceStatus lastStatus;

    @Test
    void playsARealCaptureThroughTheLiveParserAndBookSyncAsFastAsPossible() throws IOException {
        Path file = dir.resolve("spot-btcusdt.gz");
        try (InputStream in = getClass().getResourceAsStream(SLICE)) {
            Files.copy(in, file);
        }
        RecordingSink sink = play(List.of(file), "BTC");

        List<String> lines = sliceLines();
        int snapshotLine = lines.indexOf(lines.stream().filter(l -> !l.contains("\"stream\"")).findFirst().orElseThrow());
        long diffsAfterSnapshot = lines.subList(snapshotLine + 1, lines.size()).stream()
                .filter(l -> l.contains("@depth@100ms")).count();
        long tradeFrames = lines.stream().filter(l -> l.contains("@trade\"")).count();

        assertEquals(1, sink.snapshots());
        assertEquals(null, lastStatus.lastError(), "the book's wait for the snapshot (two diffs) is taken back");
        assertEquals(tradeFrames, sink.trades().size());
        assertEquals(diffsAfterSnapshot, sink.books().size() - 1, "one update per depth diff after the snapshot");
    }

    /** A colleague replayed spot-btcusdt_20240809.gz alone: Bids and Spread stayed "-" and the status said nothing. */
    @Test
    void aCaptureWithoutItsDepthSnapshotSaysOnTheStatusThatTheCoinHasNoOrderBook() throws IOException {
        Path file = dir.resolve("spot-btcusdt-second-part.txt");
        Files.write(file, sliceLines().stream().filter(l -> l.contains("\"stream\"")).toList(), StandardCharsets.UTF_8);

        RecordingSink sink = play(List.of(file), "BTC");

        assertEquals(0, sink.snapshots());
        assertTrue(sink.books().isEmpty());
        assertFalse(sink.trades().isEmpty(), "trades still flow");
        String said = lastStatus.lastError();
        assertTrue(said != null && said.startsWith("BTC: no order book: the replayed files hold no depth snapshot for it, "
                + "so bids, asks and spread stayed empty"), said);
    }

    @Test
    void filesOfOneSymbolAreOneSessionAndOtherCoinsAreSkipped() throws IOException {
        List<String> lines = sliceLines();
        Path first = dir.resolve("part1.txt");
        Path second = dir.resolve("part2.txt");
        Files.write(first, lines.subList(0, 1500), StandardCharsets.UTF_8);
        Files.write(second, lines.subList(1500, lines.size()), StandardCharsets.UTF_8);

        RecordingSink sink = play(List.of(first, second), "BTC");
        RecordingSink none = play(List.of(first, second), "ETH");

        assertEquals(1, sink.snapshots(), "the second file continues the first file's book without a resync");
        assertEquals(sliceLines().stream().filter(l -> l.contains("@trade\"")).count(), sink.trades().size());
        OrderBook book = new OrderBook(sink.books().get(0).instrument());
        sink.books().forEach(book::apply);
        assertFalse(book.isCrossed());
        assertTrue(none.events.isEmpty());
    }

    @Test
    void isSelectedOnlyForTheBinanceCaptureReplayFormat() {
        FeedConfig capture = VenueTestSupport.feedConfig(Map.of("feed.source", "replay",
                "feed.replay.format", "binance-capture"));
        FeedConfig events = VenueTestSupport.feedConfig(Map.of("feed.source", "replay"));
        BinanceCaptureReplaySource source = new BinanceCaptureReplaySource(capture, new SimpleMeterRegistry(), EXECUTOR);

        assertTrue(source.selectedBy(capture));
        assertFalse(source.selectedBy(events));
        source.start(new RecordingSink());
        assertEquals(SourceStatus.State.STOPPED, source.status().state());
        assertEquals("feed.replay.file is not set", source.status().lastError());
    }

    private RecordingSink play(List<Path> files, String coins) {
        FeedConfig config = VenueTestSupport.feedConfig(Map.of(
                "feed.source", "replay",
                "feed.replay.format", "binance-capture",
                "feed.replay.file", String.join(",", files.stream().map(Path::toString).toList()),
                "feed.replay.speed", "0",
                "feed.coins", coins));
        BinanceCaptureReplaySource source = new BinanceCaptureReplaySource(config, new SimpleMeterRegistry(), EXECUTOR);
        RecordingSink sink = new RecordingSink();
        source.start(sink);
        await("replay end", Duration.ofSeconds(30), () -> source.status().state() == SourceStatus.State.FINISHED);
        lastStatus = source.status();
        assertEquals("replay", source.status().name());
        assertEquals(0, source.status().resyncs());
        assertEquals(0, source.status().parseErrors());
        source.stop();
        return sink;
    }

    private List<String> sliceLines() throws IOException {
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(SLICE))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

}
