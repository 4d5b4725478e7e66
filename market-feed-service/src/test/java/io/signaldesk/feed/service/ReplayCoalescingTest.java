package io.signaldesk.feed.service;

import static io.signaldesk.feed.venue.ws.VenueTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.source.SourceStatus;
import io.signaldesk.feed.venue.binance.BinanceCaptureReplaySource;
import io.signaldesk.feed.venue.ws.VenueTestSupport;

/**
 * A replay pushes on market time: the first 28 s of the real BTC capture of 2024-08-08 replayed as fast as possible
 * and at 20x real time give the same snapshots, in the same order (the live path of the publisher: source → market
 * state → {@link ReplayCoalescing} → what /ws/market sends).
 */
class ReplayCoalescingTest {

    private static final ManagedExecutor EXECUTOR = ManagedExecutor.builder().build();

    @TempDir
    Path dir;

    @Test
    void aReplaySendsTheSameSnapshotsWhateverItsSpeed() throws IOException {
        Path capture = dir.resolve("spot-btcusdt.gz");
        try (InputStream in = getClass().getResourceAsStream("/venue/binance/spot-btcusdt_20240808-first3000.gz")) {
            Files.copy(in, capture);
        }

        List<String> fastest = pushes(capture, "0");
        List<String> twentyTimes = pushes(capture, "20");

        assertTrue(fastest.size() > 100, "pushes of a coalesced replay: " + fastest.size());
        assertEquals(fastest, twentyTimes);
    }

    private List<String> pushes(Path capture, String speed) {
        FeedConfig config = VenueTestSupport.feedConfig(Map.of("feed.source", "replay",
                "feed.replay.format", "binance-capture", "feed.replay.file", capture.toString(),
                "feed.replay.speed", speed, "feed.coins", "BTC"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MarketStateService state = new MarketStateService(config, registry);
        ReplayCoalescing replay = new ReplayCoalescing(config);
        List<String> pushed = Collections.synchronizedList(new ArrayList<>());
        replay.onPublish(coin -> state.snapshot(coin).map(ReplayCoalescingTest::marketPart).ifPresent(pushed::add));
        state.onChange((Consumer<String>) replay::changed);
        BinanceCaptureReplaySource source = new BinanceCaptureReplaySource(config, registry, EXECUTOR);
        source.start(replay.around(state));
        await("replay end", Duration.ofSeconds(60), () -> source.status().state() == SourceStatus.State.FINISHED);
        source.stop();
        return List.copyOf(pushed);
    }

    /** The snapshot without its age on the wall clock (the one field that depends on when it was read). */
    private static String marketPart(CoinSnapshot s) {
        return new CoinSnapshot(s.coin(), s.symbol(), s.venue(), s.lastPrice(), s.bestBid(), s.bestAsk(), s.midPrice(),
                s.spread(), s.momentum60sPct(), s.bookImbalance(), s.trades60s(), s.vwap60s(), s.volatility60sPct(), null,
                s.updatedAt()).toString();
    }
}
