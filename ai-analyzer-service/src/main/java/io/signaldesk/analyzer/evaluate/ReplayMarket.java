package io.signaldesk.analyzer.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
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
        Map<String, NavigableMap<Instant, BigDecimal>> pricePaths = new HashMap<>();
        for (JsonNode event : events) {
            if ("trade".equals(event.path("type").asText())) {
                pricePaths.computeIfAbsent(coin(event), c -> new TreeMap<>()).put(time(event), decimal(event.get("price")));
            }
        }
        List<ReplaySample> samples = new ArrayList<>();
        Map<String, ReplayCoin> coins = new LinkedHashMap<>();
        Instant next = events.isEmpty() ? null : time(events.get(0)).plus(WINDOW);
        for (JsonNode event : events) {
            Instant at = time(event);
            while (next != null && !at.isBefore(next) && samples.size() < maxSamples) {
                sample(next, coins, pricePaths).ifPresent(samples::add);
                next = next.plus(every);
            }
            coins.computeIfAbsent(coin(event), c -> new ReplayCoin(c, event.path("instrument"))).apply(event, at);
        }
        return samples;
    }

    private static Optional<ReplaySample> sample(Instant at, Map<String, ReplayCoin> coins,
            Map<String, NavigableMap<Instant, BigDecimal>> pricePaths) {
        List<CoinSnapshotDto> snapshots = coins.values().stream().map(c -> c.snapshot(at))
                .filter(c -> c.lastPrice() != null).toList();
        if (snapshots.isEmpty()) {
            return Optional.empty();
        }
        Map<String, BigDecimal> move1m = new HashMap<>();
        Map<String, BigDecimal> move5m = new HashMap<>();
        for (CoinSnapshotDto coin : snapshots) {
            NavigableMap<Instant, BigDecimal> path = pricePaths.get(coin.coin());
            move(path, at, Duration.ofMinutes(1), coin.lastPrice()).ifPresent(m -> move1m.put(coin.coin(), m));
            move(path, at, Duration.ofMinutes(5), coin.lastPrice()).ifPresent(m -> move5m.put(coin.coin(), m));
        }
        return Optional.of(new ReplaySample(at, new MarketSnapshotDto("replay", at, snapshots), move1m, move5m));
    }

    private static Optional<BigDecimal> move(NavigableMap<Instant, BigDecimal> path, Instant at,
            Duration horizon, BigDecimal from) {
        Instant target = at.plus(horizon);
        if (path == null || path.lastKey().isBefore(target)) {
            return Optional.empty();
        }
        BigDecimal to = path.floorEntry(target).getValue();
        return Optional.of(pct(to.subtract(from), from));
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

    static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 4, RoundingMode.HALF_UP);
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
