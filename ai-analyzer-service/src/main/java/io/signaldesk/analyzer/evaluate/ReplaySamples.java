package io.signaldesk.analyzer.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.scoring.PricePoint;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.state.ReplayMarket;

/**
 * Market snapshots of a recording of market-feed-service's events ({@code feed.record.file} JSON Lines, plain or gzip)
 * replayed through market-data's {@link ReplayMarket}, the feed's own book, windows and market-time coalescing: a sample
 * at an instant is each coin's snapshot as the feed had pushed it by then, and its moves are scored on the marks the feed
 * pushed after it, with the trading core's price at horizon, as the decision engine scores a call. The first sample is
 * one window after the first event, then one every {@code every}.
 */
public final class ReplaySamples {

    static final Duration WINDOW = Duration.ofSeconds(60);
    static final int LEVELS = 10;
    /** The coalescing of the engine's own connection to the feed (it asks for a frame every 10 ms at most). */
    static final Duration INTERVAL = Duration.ofMillis(10);
    /** The recordings a caller may name in the data directory. */
    static final String[] EXTENSIONS = { ".jsonl", ".jsonl.gz" };
    /** Most bytes read from a replay, after decompression (the bench sample is 5 MB). */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final int MAX_LINE = 64 * 1024;
    private static final ObjectReader EVENTS = new ObjectMapper().findAndRegisterModules().readerFor(MarketEvent.class);

    private ReplaySamples() {
    }

    /** @throws IOException when the file cannot be read or is too large; malformed lines are skipped */
    public static List<ReplaySample> samples(Path file, Duration every, int maxSamples) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = DataDirectory.capped(file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, MAX_BYTES);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return samples(lines, every, maxSamples);
        }
    }

    /** The same from a recording's text (sent in a request body). */
    public static List<ReplaySample> samples(BufferedReader lines, Duration every, int maxSamples) throws IOException {
        List<MarketEvent> events = read(lines);
        Map<String, CoinSnapshot> latest = new LinkedHashMap<>();
        Map<String, List<PricePoint>> marks = new HashMap<>();
        ReplayMarket market = new ReplayMarket(events.stream().map(e -> e.instrument().coin()).distinct().toList(),
                WINDOW, LEVELS, INTERVAL, snapshot -> {
                    latest.put(snapshot.coin(), snapshot);
                    if (snapshot.markPrice() != null) {
                        marks.computeIfAbsent(snapshot.coin(), c -> new ArrayList<>())
                                .add(new PricePoint(snapshot.updatedAt(), snapshot.markPrice()));
                    }
                });
        List<Instant> instants = new ArrayList<>();
        List<List<CoinSnapshot>> markets = new ArrayList<>();
        Instant next = events.isEmpty() ? null : events.get(0).venueTime().plus(WINDOW);
        for (MarketEvent event : events) {
            while (next != null && !event.venueTime().isBefore(next) && instants.size() < maxSamples) {
                market.advanceTo(next); // what the feed had pushed by then, coalesced changes included
                List<CoinSnapshot> pushed = latest.values().stream().filter(c -> c.lastPrice() != null).toList();
                if (!pushed.isEmpty()) {
                    instants.add(next);
                    markets.add(pushed);
                }
                next = next.plus(every);
            }
            market.accept(event);
        }
        market.finish();
        List<ReplaySample> samples = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            samples.add(sample(instants.get(i), markets.get(i), marks));
        }
        return samples;
    }

    /** The market at {@code at} and each coin's move from its mark to the core's price at 1 and 5 minutes. */
    private static ReplaySample sample(Instant at, List<CoinSnapshot> market, Map<String, List<PricePoint>> marks) {
        Map<String, BigDecimal> move1m = new HashMap<>();
        Map<String, BigDecimal> move5m = new HashMap<>();
        for (CoinSnapshot coin : market) {
            List<PricePoint> path = marks.getOrDefault(coin.coin(), List.of());
            SignalScorer.moveAtHorizon(coin.markPrice(), at, Duration.ofMinutes(1), path)
                    .ifPresent(m -> move1m.put(coin.coin(), m));
            SignalScorer.moveAtHorizon(coin.markPrice(), at, Duration.ofMinutes(5), path)
                    .ifPresent(m -> move5m.put(coin.coin(), m));
        }
        return new ReplaySample(at, new MarketSnapshotDto("replay", at, market),
                move1m, move5m);
    }

    /** The recording's events in venue-time order (a stable sort: events of one instant keep the file's order). */
    private static List<MarketEvent> read(BufferedReader lines) throws IOException {
        List<MarketEvent> events = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.length() > MAX_LINE) {
                continue; // no event of the feed's format is this long: skipped like any malformed line
            }
            try {
                MarketEvent event = EVENTS.readValue(line);
                if (event != null && event.venueTime() != null && event.instrument() != null
                        && event.instrument().coin() != null && !event.instrument().coin().isBlank()) {
                    events.add(event);
                }
            } catch (IOException | RuntimeException e) {
                // a malformed line is skipped, like the feed's replay does
            }
        }
        events.sort(Comparator.comparing(MarketEvent::venueTime));
        return events;
    }
}
