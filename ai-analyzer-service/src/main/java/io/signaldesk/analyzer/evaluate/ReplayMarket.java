package io.signaldesk.analyzer.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
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

import io.signaldesk.analyzer.domain.BookImbalance;
import io.signaldesk.analyzer.domain.CoinSnapshot;
import io.signaldesk.analyzer.domain.MarketSnapshot;
import io.signaldesk.analyzer.domain.TradeFlow;
import io.signaldesk.common.files.DataDirectory;

/**
 * Market snapshots taken from a recording of market-feed-service's normalised events ({@code feed.record.file}
 * JSON Lines, plain or gzip), with the features computed as the feed defines them (60 s window on the venue
 * clock, top 10 book levels). The first sample is one window after the first event, then one every {@code every}.
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
        Map<String, CoinState> coins = new LinkedHashMap<>();
        Instant next = events.isEmpty() ? null : time(events.get(0)).plus(WINDOW);
        for (JsonNode event : events) {
            Instant at = time(event);
            while (next != null && !at.isBefore(next) && samples.size() < maxSamples) {
                sample(next, coins, pricePaths).ifPresent(samples::add);
                next = next.plus(every);
            }
            coins.computeIfAbsent(coin(event), c -> new CoinState(c, event.path("instrument"))).apply(event, at);
        }
        return samples;
    }

    private static Optional<ReplaySample> sample(Instant at, Map<String, CoinState> coins,
            Map<String, NavigableMap<Instant, BigDecimal>> pricePaths) {
        List<CoinSnapshot> snapshots = coins.values().stream().map(c -> c.snapshot(at))
                .filter(c -> c.lastPrice() != null).toList();
        if (snapshots.isEmpty()) {
            return Optional.empty();
        }
        Map<String, BigDecimal> move1m = new HashMap<>();
        Map<String, BigDecimal> move5m = new HashMap<>();
        for (CoinSnapshot coin : snapshots) {
            NavigableMap<Instant, BigDecimal> path = pricePaths.get(coin.coin());
            move(path, at, Duration.ofMinutes(1), coin.lastPrice()).ifPresent(m -> move1m.put(coin.coin(), m));
            move(path, at, Duration.ofMinutes(5), coin.lastPrice()).ifPresent(m -> move5m.put(coin.coin(), m));
        }
        return Optional.of(new ReplaySample(at, new MarketSnapshot("replay", at, snapshots), move1m, move5m));
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

    /** One coin's book and 60 s trade window, rebuilt event by event. */
    private static final class CoinState {
        private final String coin;
        private final String symbol;
        private final String venue;
        private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        private final Deque<Trade> window = new ArrayDeque<>();
        private BigDecimal lastPrice;
        private BigDecimal priceBeforeWindow;
        private Instant updatedAt;

        private record Trade(Instant at, BigDecimal price, BigDecimal size, boolean buy) {
        }

        CoinState(String coin, JsonNode instrument) {
            this.coin = coin;
            this.symbol = instrument.path("symbol").asText(null);
            this.venue = instrument.path("venue").asText(null);
        }

        void apply(JsonNode event, Instant at) {
            updatedAt = at;
            if ("trade".equals(event.path("type").asText())) {
                lastPrice = decimal(event.get("price"));
                window.addLast(new Trade(at, lastPrice, decimal(event.get("size")),
                        "BUY".equals(event.path("aggressor").asText())));
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

        CoinSnapshot snapshot(Instant at) {
            while (!window.isEmpty() && !window.peekFirst().at().isAfter(at.minus(WINDOW))) {
                priceBeforeWindow = window.pollFirst().price();
            }
            BigDecimal bid = bids.isEmpty() ? null : bids.firstKey();
            BigDecimal ask = asks.isEmpty() ? null : asks.firstKey();
            BigDecimal mid = bid == null || ask == null ? null : bid.add(ask).divide(BigDecimal.valueOf(2));
            return new CoinSnapshot(coin, symbol, venue, lastPrice, bid, ask, mid,
                    bid == null || ask == null ? null : ask.subtract(bid), momentum(), imbalance(), flow(), vwap(),
                    volatility(), 0L, updatedAt);
        }

        private BigDecimal momentum() {
            BigDecimal ref = priceBeforeWindow != null ? priceBeforeWindow
                    : window.isEmpty() ? null : window.peekFirst().price();
            return ref == null || lastPrice == null ? null : pct(lastPrice.subtract(ref), ref);
        }

        private BookImbalance imbalance() {
            BigDecimal bidSize = bids.values().stream().limit(LEVELS).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal askSize = asks.values().stream().limit(LEVELS).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (bidSize.add(askSize).signum() == 0) {
                return null;
            }
            return new BookImbalance(bidSize.divide(bidSize.add(askSize), 4, RoundingMode.HALF_UP),
                    askSize.signum() == 0 ? null : bidSize.divide(askSize, 4, RoundingMode.HALF_UP), LEVELS);
        }

        private TradeFlow flow() {
            int buys = (int) window.stream().filter(Trade::buy).count();
            BigDecimal buyVolume = window.stream().filter(Trade::buy).map(Trade::size).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal sellVolume = window.stream().filter(t -> !t.buy()).map(Trade::size).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new TradeFlow(buys, window.size() - buys, buyVolume, sellVolume);
        }

        private BigDecimal vwap() {
            BigDecimal volume = window.stream().map(Trade::size).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (volume.signum() == 0) {
                return null;
            }
            BigDecimal notional = window.stream().map(t -> t.price().multiply(t.size())).reduce(BigDecimal.ZERO, BigDecimal::add);
            return notional.divide(volume, new MathContext(12));
        }

        private BigDecimal volatility() {
            List<Double> returns = new ArrayList<>();
            BigDecimal previous = priceBeforeWindow;
            for (Trade trade : window) {
                if (previous != null) {
                    returns.add(Math.log(trade.price().doubleValue() / previous.doubleValue()));
                }
                previous = trade.price();
            }
            if (returns.size() < 2) {
                return null;
            }
            double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = returns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (returns.size() - 1);
            return BigDecimal.valueOf(Math.sqrt(variance) * 100).setScale(4, RoundingMode.HALF_UP);
        }
    }
}
