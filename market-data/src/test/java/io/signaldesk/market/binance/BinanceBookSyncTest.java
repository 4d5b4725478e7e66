package io.signaldesk.market.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.market.binance.BinanceBookSync.Status;

class BinanceBookSyncTest {

    private static final Instrument BTC = new Instrument("BTCUSDT", Venue.BINANCE, "BTC");
    private static final Instant NOW = Instant.parse("2024-08-08T23:54:15Z");

    private final BinanceBookSync sync = new BinanceBookSync(BTC);

    @Test
    void buffersDiffsUntilTheSnapshotThenDropsThoseItAlreadyContains() {
        assertEquals(Status.BUFFERED, sync.onDiff(diff(90, 99, bid("99", "1")), NOW).status());
        assertEquals(Status.BUFFERED, sync.onDiff(diff(100, 105, bid("100", "2")), NOW).status());
        assertEquals(Status.BUFFERED, sync.onDiff(diff(106, 110, bid("101", "3")), NOW).status());

        BinanceBookSync.Outcome outcome = sync.onSnapshot(snapshot(102, bid("100", "5"), ask("102", "1")), NOW);

        assertEquals(Status.SYNCED, outcome.status());
        assertEquals(BookEvent.Kind.SNAPSHOT, outcome.event().kind());
        // diff 90-99 dropped (u <= 102); 100-105 straddles 103 and is applied; then 106-110
        assertEquals(110, sync.lastUpdateId());
        assertEquals(List.of(PriceLevel.of("101", "3"), PriceLevel.of("100", "2")), outcome.event().bids());
        assertEquals(List.of(PriceLevel.of("102", "1")), outcome.event().asks());
        assertEquals(0, sync.buffered());
    }

    @Test
    void afterSyncDropsStaleDiffsAndAppliesContiguousOnes() {
        sync.onSnapshot(snapshot(100, bid("100", "1"), ask("101", "1")), NOW);

        assertEquals(Status.DROPPED, sync.onDiff(diff(95, 100, bid("100", "9")), NOW).status());
        BinanceBookSync.Outcome applied = sync.onDiff(diff(101, 103, bid("100", "0"), bid("99", "4")), NOW);

        assertEquals(Status.APPLIED, applied.status());
        assertEquals(BookEvent.Kind.UPDATE, applied.event().kind());
        assertEquals(PriceLevel.of("99", "4"), sync.book().bestBid().orElseThrow());
        assertEquals(Status.APPLIED, sync.onDiff(diff(104, 104, ask("101", "2")), NOW).status());
        assertEquals(104, sync.lastUpdateId());
    }

    @Test
    void aDiffStartingAfterLocalPlusOneIsAGapThatDropsTheBook() {
        sync.onSnapshot(snapshot(100, bid("100", "1"), ask("101", "1")), NOW);

        BinanceBookSync.Outcome gap = sync.onDiff(diff(103, 105, bid("100", "2")), NOW);

        assertEquals(Status.GAP, gap.status());
        assertEquals("missed updates 101..102", gap.detail());
        assertNull(gap.event());
        assertFalse(sync.synced());
        assertTrue(sync.book().isEmpty());
        assertEquals(1, sync.buffered(), "the gap diff is kept for the next snapshot");
        assertEquals(Status.SYNCED, sync.onSnapshot(snapshot(104, bid("100", "7"), ask("101", "1")), NOW).status());
        assertEquals(105, sync.lastUpdateId());
    }

    @Test
    void aSnapshotOlderThanTheFirstBufferedDiffAsksForAnotherOne() {
        sync.onDiff(diff(200, 210, bid("100", "1")), NOW);

        BinanceBookSync.Outcome outcome = sync.onSnapshot(snapshot(150, bid("100", "1"), ask("101", "1")), NOW);

        assertEquals(Status.SNAPSHOT_TOO_OLD, outcome.status());
        assertFalse(sync.synced());
        assertEquals(Status.SYNCED, sync.onSnapshot(snapshot(205, bid("100", "1"), ask("101", "1")), NOW).status());
    }

    @Test
    void aDiffThatCrossesTheBookIsTreatedAsLostSync() {
        sync.onSnapshot(snapshot(100, bid("100", "1"), ask("101", "1")), NOW);

        BinanceBookSync.Outcome outcome = sync.onDiff(diff(101, 101, bid("102", "1")), NOW);

        assertEquals(Status.GAP, outcome.status());
        assertTrue(outcome.detail().startsWith("crossed"));
        assertFalse(sync.synced());
    }

    private static BinanceDepthUpdate diff(long first, long last, Level... levels) {
        List<PriceLevel> bids = java.util.Arrays.stream(levels).filter(Level::bid).map(Level::level).toList();
        List<PriceLevel> asks = java.util.Arrays.stream(levels).filter(l -> !l.bid()).map(Level::level).toList();
        return new BinanceDepthUpdate("BTCUSDT", 1723161255208L, first, last, bids, asks);
    }

    private static BinanceDepthSnapshot snapshot(long lastUpdateId, Level... levels) {
        BinanceDepthUpdate asDiff = diff(0, 0, levels);
        return new BinanceDepthSnapshot(null, lastUpdateId, asDiff.bids(), asDiff.asks());
    }

    private static Level bid(String price, String size) {
        return new Level(true, PriceLevel.of(price, size));
    }

    private static Level ask(String price, String size) {
        return new Level(false, PriceLevel.of(price, size));
    }

    private record Level(boolean bid, PriceLevel level) {
    }
}
