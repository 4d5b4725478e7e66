package io.signaldesk.feed.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.feed.TestConfigs;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.feed.service.EventRecorder;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.simulator.MarketSimulator;
import io.signaldesk.feed.source.SourceStatus;

class RecordReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private static final ManagedExecutor EXECUTOR = ManagedExecutor.builder().build();
    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @TempDir
    Path dir;

    @Test
    void replayOfARecordedSimulatorSessionGivesIdenticalSnapshots() throws Exception {
        Path file = dir.resolve("nested/session.jsonl");
        MarketStateService live = state(Map.of());
        EventRecorder recorder = new EventRecorder(MAPPER);
        assertTrue(recorder.open(file));
        MarketSimulator simulator = new MarketSimulator(42, List.of("BTC", "ETH", "SOL"));
        int events = 0;
        for (int i = 0; i < 1500; i++) {
            for (MarketEvent event : simulator.next(T0.plus(Duration.ofMillis(100L * i)))) {
                recorder.record(event);
                live.accept(event);
                events++;
            }
        }
        recorder.close();
        assertEquals(events, recorder.status().eventsWritten());
        Files.writeString(file, "{\"type\":\"trade\",\"price\":\n", StandardOpenOption.APPEND);

        MarketStateService replayed = state(Map.of());
        ReplaySource replay = replay(file);
        replay.start(replayed);
        SourceStatus status = awaitEnd(replay);

        assertEquals(SourceStatus.State.FINISHED, status.state());
        assertEquals(events, status.messages());
        assertEquals(1, status.parseErrors());
        assertEquals(live.snapshot(), replayed.snapshot());
        assertTrue(live.snapshot().stream().allMatch(c -> c.volatility60sPct() != null && c.vwap60s() != null));
        for (String coin : live.coins()) {
            assertEquals(live.book(coin, 500), replayed.book(coin, 500));
            assertEquals(live.trades(coin, 500), replayed.trades(coin, 500));
        }
    }

    @Test
    void missingReplayFileEndsStoppedWithTheReason() throws Exception {
        ReplaySource replay = replay(dir.resolve("absent.jsonl"));
        replay.start(state(Map.of()));
        SourceStatus status = awaitEnd(replay);
        assertEquals(SourceStatus.State.STOPPED, status.state());
        assertTrue(status.lastError().contains("absent.jsonl"), status.lastError());
    }

    @Test
    void recorderReportsAPathItCannotOpenAndKeepsQuiet() throws IOException {
        Path blocker = Files.writeString(dir.resolve("plain-file"), "x", StandardCharsets.UTF_8);
        EventRecorder recorder = new EventRecorder(MAPPER);
        assertTrue(!recorder.open(blocker.resolve("under-a-file.jsonl")));
        assertTrue(recorder.status().error().contains("under-a-file.jsonl"));
        assertTrue(!recorder.status().active());
        recorder.record(new MarketSimulator(1, List.of("BTC")).next(T0).get(0));
        assertEquals(0, recorder.status().eventsWritten());
    }

    private ReplaySource replay(Path file) {
        FeedConfig config = TestConfigs.feed(Map.of("feed.source", "replay", "feed.replay.file", file.toString(),
                "feed.replay.speed", "0"));
        return new ReplaySource(config, MAPPER, EXECUTOR);
    }

    private static MarketStateService state(Map<String, String> properties) {
        return new MarketStateService(TestConfigs.feed(properties), new SimpleMeterRegistry(), CLOCK);
    }

    private static SourceStatus awaitEnd(ReplaySource replay) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            SourceStatus status = replay.status();
            if (status.state() == SourceStatus.State.FINISHED || status.state() == SourceStatus.State.STOPPED
                    && status.lastError() != null) {
                return status;
            }
            Thread.sleep(50);
        }
        return replay.status();
    }
}
