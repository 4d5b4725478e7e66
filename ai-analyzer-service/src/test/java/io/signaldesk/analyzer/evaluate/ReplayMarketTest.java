package io.signaldesk.analyzer.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.domain.CoinSnapshotDto;

/** Snapshots and realised moves taken from a hand-made recording with a known price path. */
class ReplayMarketTest {

    static Path pricePath() {
        try {
            return Path.of(ReplayMarketTest.class.getClassLoader().getResource("evaluate/price-path.jsonl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void takesOneSampleAMinuteAfterTheFirstWindowWithTheMovesThatFollowed() throws Exception {
        List<ReplaySample> samples = ReplayMarket.samples(pricePath(), Duration.ofSeconds(60), 10);

        assertEquals(List.of(Instant.parse("2026-11-25T12:01:00Z"), Instant.parse("2026-11-25T12:02:00Z"),
                Instant.parse("2026-11-25T12:03:00Z"), Instant.parse("2026-11-25T12:04:00Z"),
                Instant.parse("2026-11-25T12:05:00Z"), Instant.parse("2026-11-25T12:06:00Z"),
                Instant.parse("2026-11-25T12:07:00Z")),
                samples.stream().map(ReplaySample::at).toList());
        assertEquals(new BigDecimal("0.5000"), samples.get(0).move1mPct().get("BTC"));
        assertEquals(new BigDecimal("-1.0000"), samples.get(0).move5mPct().get("BTC"));
        assertEquals(new BigDecimal("0.2994"), samples.get(1).move1mPct().get("BTC"));
        assertEquals(new BigDecimal("-1.1976"), samples.get(1).move5mPct().get("BTC"));
        assertEquals(new BigDecimal("0.0000"), samples.get(2).move1mPct().get("BTC"));
        assertFalse(samples.get(2).move5mPct().containsKey("BTC"), "12:08 is after the end of the recording");
    }

    @Test
    void computesTheFeedsFeaturesAtTheSampleInstant() throws Exception {
        CoinSnapshotDto btc = ReplayMarket.samples(pricePath(), Duration.ofSeconds(60), 1).get(0).market().coins().get(0);

        assertEquals("BTC", btc.coin());
        assertEquals("BTCUSDT", btc.symbol());
        assertEquals(0, new BigDecimal("100.00").compareTo(btc.lastPrice()));
        assertEquals(0, new BigDecimal("100.0").compareTo(btc.bestBid()));
        assertEquals(0, new BigDecimal("100.1").compareTo(btc.bestAsk()));
        assertEquals(0, new BigDecimal("0.1").compareTo(btc.spread()));
        assertEquals(new BigDecimal("0.0000"), btc.momentum60sPct());
        assertEquals(new BigDecimal("0.7500"), btc.bookImbalance().bidShare());
        assertEquals(new BigDecimal("3.0000"), btc.bookImbalance().bidAskRatio());
        assertEquals(1, btc.trades60s().buyCount(), "the 12:00:00 trade has left the window, the 12:00:30 one is in");
        assertEquals(0, btc.trades60s().sellCount());
        assertEquals(0, new BigDecimal("100").compareTo(btc.vwap60s()));
        assertNull(btc.volatility60sPct(), "one return only");
        assertEquals(Instant.parse("2026-11-25T12:00:30Z"), btc.updatedAt());
    }
}
