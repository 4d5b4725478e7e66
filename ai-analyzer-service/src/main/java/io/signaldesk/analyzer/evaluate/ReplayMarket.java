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
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.analyzer.domain.BookImbalanceDto;
import io.signaldesk.analyzer.domain.CoinSnapshotDto;
import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.domain.TradeFlowDto;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.core.feature.FeatureMath;
import io.signaldesk.core.feature.PriceWindow;
import io.signaldesk.core.feature.TradeWindow;
import io.signaldesk.core.market.Aggressor;
import io.signaldesk.core.market.TradeFlow;
import io.signaldesk.core.scoring.PricePoint;
import io.signaldesk.core.scoring.SignalScorer;

/**
 * Market snapshots taken from a recording of market-feed-service's normalised events ({@code feed.record.file}
 * JSON Lines, plain or gzip), with the features computed by the feed's own code, the trading core's
 * {@link PriceWindow}, {@link TradeWindow} and {@link FeatureMath} (60 s window on the venue clock, top 10 book levels). The first sample is one window after the first event, then one every {@code every}.
 */
public final class ReplayMarket {

    static final Duration WINDOW = Duration.ofSeconds(60);
    static final int LEVELS = 10;
    /** The recordings a caller may name in the data directory. */
    static final String[] EXTENSIONS = { ".jsonl", ".jsonl.gz" };
    /** Most bytes read from a replay, after decompression (the bench sample is 5 MB). */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final int MAX_LINE = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReplayMarket() {
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
        List<JsonNode> events = read(lines);
        List<Instant> instants = new ArrayList<>();
        List<List<CoinSnapshotDto>> markets = new ArrayList<>();
        Map<String, ReplayCoin> coins = new LinkedHashMap<>();
        Map<String, List<PricePoint>> marks = new HashMap<>();
        Instant next = events.isEmpty() ? null : time(events.get(0)).plus(WINDOW);
        for (JsonNode event : events) {
            Instant at = time(event);
            while (next != null && !at.isBefore(next) && instants.size() < maxSamples) {
                Instant now = next;
                List<CoinSnapshotDto> market = coins.values().stream().map(c -> c.snapshot(now))
                        .filter(c -> c.lastPrice() != null).toList();
                if (!market.isEmpty()) {
                    instants.add(now);
                    markets.add(market);
                }
                next = next.plus(every);
            }
            ReplayCoin coin = coins.computeIfAbsent(coin(event), c -> new ReplayCoin(c, event.path("instrument")));
            coin.apply(event, at);
            coin.mark().ifPresent(mark -> markAt(marks.computeIfAbsent(coin.coin, c -> new ArrayList<>()), at, mark));
        }
        List<ReplaySample> samples = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            samples.add(sample(instants.get(i), markets.get(i), marks));
        }
        return samples;
    }

    /** The coin's mark at {@code at} is its state after every event of that instant, as the feed publishes it. */
    private static void markAt(List<PricePoint> path, Instant at, BigDecimal mark) {
        if (!path.isEmpty() && path.get(path.size() - 1).at().equals(at)) {
            path.remove(path.size() - 1);
        }
        path.add(new PricePoint(at, mark));
    }

    /** The market at {@code at} and each coin's move to the core's price at 1 and 5 minutes (first mark at or after). */
    private static ReplaySample sample(Instant at, List<CoinSnapshotDto> market, Map<String, List<PricePoint>> marks) {
        Map<String, BigDecimal> move1m = new HashMap<>();
        Map<String, BigDecimal> move5m = new HashMap<>();
        for (CoinSnapshotDto coin : market) {
            BigDecimal from = coin.snapshot().markPrice();
            List<PricePoint> path = marks.getOrDefault(coin.coin(), List.of());
            SignalScorer.moveAtHorizon(from, at, Duration.ofMinutes(1), path).ifPresent(m -> move1m.put(coin.coin(), m));
            SignalScorer.moveAtHorizon(from, at, Duration.ofMinutes(5), path).ifPresent(m -> move5m.put(coin.coin(), m));
        }
        return new ReplaySample(at, new MarketSnapshotDto("replay", at, market), move1m, move5m);
    }

    private static List<JsonNode> read(BufferedReader lines) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.length() > MAX_LINE) {
                continue; // no event of the feed's format is this long: skipped like any malformed line
            }
            try {
                JsonNode event = MAPPER.readTree(line);
                if (event != null && event.hasNonNull("venueTime") && !coin(event).isEmpty()) {
                    time(event);
                    events.add(event);
                }
            } catch (IOException | RuntimeException e) {
                // a malformed line is skipped, like the feed's replay does
            }
        }
        events.sort(Comparator.comparing(ReplayMarket::time));
        return events;
    }

    private static String coin(JsonNode event) {
        return event.path("instrument").path("coin").asText("");
    }

    private static Instant time(JsonNode event) {
        return Instant.parse(event.get("venueTime").asText());
    }

    private static BigDecimal decimal(JsonNode value) {
        return new BigDecimal(value.asText());
    }

    /** One coin's book and 60 s windows, rebuilt event by event with the trading core's feature math. */
    private static final class ReplayCoin {
        private final String coin;
        private final String symbol;
        private final String venue;
        private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        private final PriceWindow prices = new PriceWindow(WINDOW);
        private final TradeWindow trades = new TradeWindow(WINDOW);
        private Instant updatedAt;

        ReplayCoin(String coin, JsonNode instrument) {
            this.coin = coin;
            this.symbol = instrument.path("symbol").asText(null);
            this.venue = instrument.path("venue").asText(null);
        }

        void apply(JsonNode event, Instant at) {
            updatedAt = at;
            if ("trade".equals(event.path("type").asText())) {
                BigDecimal price = decimal(event.get("price"));
                prices.add(at, price);
                trades.add(at, "BUY".equals(event.path("aggressor").asText()) ? Aggressor.BUY : Aggressor.SELL, price,
                        decimal(event.get("size")));
            } else if ("book".equals(event.path("type").asText())) {
                if ("SNAPSHOT".equals(event.path("kind").asText())) {
                    bids.clear();
                    asks.clear();
                }
                levels(event.path("bids"), bids);
                levels(event.path("asks"), asks);
            }
        }

        private static void levels(JsonNode levels, Map<BigDecimal, BigDecimal> side) {
            for (JsonNode level : levels) {
                BigDecimal size = decimal(level.get("size"));
                if (size.signum() == 0) {
                    side.remove(decimal(level.get("price")));
                } else {
                    side.put(decimal(level.get("price")), size);
                }
            }
        }

        /** The coin's mark now: mid when the book has both sides, else the last trade. */
        Optional<BigDecimal> mark() {
            BigDecimal mid = bids.isEmpty() || asks.isEmpty() ? null : FeatureMath.mid(bids.firstKey(), asks.firstKey());
            return Optional.ofNullable(mid != null ? mid : prices.last());
        }

        CoinSnapshotDto snapshot(Instant at) {
            prices.advanceTo(at);
            trades.advanceTo(at);
            BigDecimal bid = bids.isEmpty() ? null : bids.firstKey();
            BigDecimal ask = asks.isEmpty() ? null : asks.firstKey();
            io.signaldesk.core.market.BookImbalance book = FeatureMath.imbalance(List.copyOf(bids.values()),
                    List.copyOf(asks.values()), LEVELS);
            TradeFlow flow = trades.flow();
            return new CoinSnapshotDto(coin, symbol, venue, prices.last(), bid, ask, FeatureMath.mid(bid, ask),
                    FeatureMath.spread(bid, ask), prices.momentumPct(),
                    book.bidShare() == null ? null : new BookImbalanceDto(book.bidShare(), book.bidAskRatio(), book.levels()),
                    new TradeFlowDto(flow.buyCount(), flow.sellCount(), flow.buyVolume(),
                            flow.sellVolume()),
                    trades.vwap(), prices.volatilityPct(), 0L, updatedAt);
        }
    }
}
