package io.signaldesk.feed.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.feed.TestConfigs;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.venue.ws.VenueTelemetry;
import io.signaldesk.market.binance.BinanceAdapter;
import io.signaldesk.market.binance.BinanceStreamHandler;
import io.signaldesk.market.domain.Venue;

/**
 * Real Binance frames (the first 3,000 of the 2024-08-08 capture) with edited copies of one of its trades carrying
 * prices and sizes no venue quotes: each is dropped and counted by reason, the coin's figures stay finite and sane,
 * and the frames after them are applied as if nothing happened.
 */
class BadPrintTest {

    private static final Pattern PRICE = Pattern.compile("\"p\":\"([0-9.]+)\"");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MarketStateService state = new MarketStateService(TestConfigs.feed(Map.of("feed.coins", "BTC")),
            registry, Clock.systemUTC());
    private final VenueTelemetry telemetry = new VenueTelemetry(Venue.BINANCE, "test", registry, Clock.systemUTC());
    private final BinanceStreamHandler handler = new BinanceStreamHandler(
            List.of(BinanceAdapter.instrument("BTC", "USDT")), state, telemetry, instrument -> { });

    @Test
    void outOfBoundsAndImplausiblePricesAreDroppedByReasonAndTheCoinKeepsValidFigures() throws IOException {
        List<String> lines = lines();
        int half = lines.size() / 2;
        String lastTrade = null;
        for (String line : lines.subList(0, half)) {
            play(line);
            lastTrade = line.contains("@trade\"") ? line : lastTrade;
        }
        assertNotNull(lastTrade, "the capture's first half has trades");
        assertEquals(Map.of(), state.invalidCoins());
        Matcher price = PRICE.matcher(lastTrade);
        assertTrue(price.find());
        BigDecimal real = new BigDecimal(price.group(1));
        long appliedBefore = applied();

        play(lastTrade.replace(price.group(0), "\"p\":\"1e400\""));
        play(lastTrade.replace(price.group(0), "\"p\":\"1e30\""));
        play(lastTrade.replace(price.group(0), "\"p\":\"1E+999999999\""));
        play(lastTrade.replaceFirst("\"q\":\"[0-9.]+\"", "\"q\":\"1e400\""));
        play(lastTrade.replace(price.group(0), "\"p\":\"" + real.multiply(BigDecimal.TEN).toPlainString() + "\""));
        play(lastTrade.replace(price.group(0), "\"p\":\"" + real.multiply(new BigDecimal("0.5")).toPlainString() + "\""));

        assertEquals(4.0, registry.find("feed.parse.errors").tag("kind", "out_of_range").counter().count(), "1e400, 1e30, 1e999999999, q 1e400");
        assertEquals(Map.of("implausible-price", 2L), state.rejected(), "x10 and x0.5 the book's mid");
        assertEquals(appliedBefore, applied(), "no bad print entered the state");
        CoinSnapshot during = state.snapshot("BTC").orElseThrow();
        assertEquals(0, real.compareTo(during.lastPrice()), "the last price is still the real one");

        for (String line : lines.subList(half, lines.size())) {
            play(line);
        }
        CoinSnapshot after = state.snapshot("BTC").orElseThrow();
        assertEquals(Map.of(), state.invalidCoins());
        assertTrue(after.momentum60sPct().abs().compareTo(BigDecimal.ONE) < 0, "momentum " + after.momentum60sPct());
        assertNotNull(after.volatility60sPct());
        assertTrue(after.vwap60s().subtract(after.midPrice()).abs().compareTo(after.midPrice().movePointLeft(2)) < 0,
                "vwap " + after.vwap60s() + " near mid " + after.midPrice());
        assertTrue(applied() > appliedBefore, "the frames after the bad prints are applied");
    }

    private void play(String line) {
        int space = line.indexOf(' ');
        handler.onFrame(line.substring(space + 1), Instant.ofEpochSecond(0, Long.parseLong(line.substring(0, space))));
    }

    private long applied() {
        return (long) registry.find("feed.events").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static List<String> lines() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                BadPrintTest.class.getResourceAsStream("/venue/binance/spot-btcusdt_20240808-first3000.gz")),
                StandardCharsets.UTF_8))) {
            return new ArrayList<>(reader.lines().toList());
        }
    }
}
