package io.signaldesk.analyzer.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.core.contract.Contracts;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.scoring.SignalScorer;

/**
 * Snapshots and realised moves taken from a hand-made recording with a known price path, replayed through market-data
 * (the feed's pipeline); the moves are the trading core's (first mark at or after the horizon), checked against the calls
 * the decision engine's test scores too.
 */
class ReplaySamplesTest {

    static Path pricePath() {
        try {
            return Path.of(ReplaySamplesTest.class.getClassLoader().getResource("evaluate/price-path.jsonl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void takesOneSampleAMinuteAfterTheFirstWindowWithTheMovesThatFollowed() throws Exception {
        List<ReplaySample> samples = ReplaySamples.samples(pricePath(), Duration.ofSeconds(60), 10);

        assertEquals(List.of(Instant.parse("2026-11-25T12:01:00Z"), Instant.parse("2026-11-25T12:02:00Z"),
                Instant.parse("2026-11-25T12:03:00Z"), Instant.parse("2026-11-25T12:04:00Z"),
                Instant.parse("2026-11-25T12:05:00Z"), Instant.parse("2026-11-25T12:06:00Z"),
                Instant.parse("2026-11-25T12:07:00Z")),
                samples.stream().map(ReplaySample::at).toList());
        // marks (mid): 100.05 to 12:01, 100.20 from 12:01, 100.50 from 12:02, 99.00 from 12:06
        // 12:01 from 100.05: 12:02 100.50 is +0.449775 %, 12:06 99.00 is -1.049475 %
        assertEquals(new BigDecimal("0.449775"), samples.get(0).move1mPct().get("BTC"));
        assertEquals(new BigDecimal("-1.049475"), samples.get(0).move5mPct().get("BTC"));
        // 12:02 from 100.20: 12:03 100.50 is +0.299401 %, 12:07 99.00 is -1.197605 %
        assertEquals(new BigDecimal("0.299401"), samples.get(1).move1mPct().get("BTC"));
        assertEquals(new BigDecimal("-1.197605"), samples.get(1).move5mPct().get("BTC"));
        // 12:03 from 100.50: no mark at 12:04, the first after it is 12:06's 99.00, -1.492537 %
        assertEquals(new BigDecimal("-1.492537"), samples.get(2).move1mPct().get("BTC"));
        assertFalse(samples.get(2).move5mPct().containsKey("BTC"), "12:08 is after the end of the recording");
    }

    @Test
    void scoresTheSharedPricePathAsTheDecisionEngineDoes() throws Exception {
        List<ReplaySample> samples = ReplaySamples.samples(new BufferedReader(new StringReader(
                Contracts.fixture(Contracts.HORIZON_PRICE_PATH))), Duration.ofSeconds(60), 20);

        JsonNode expected = Contracts.json(Contracts.HORIZON_OUTCOMES);
        for (JsonNode call : expected.path("calls")) {
            Instant at = Instant.parse(call.path("at").asText());
            ReplaySample sample = samples.stream().filter(s -> s.at().equals(at)).findFirst().orElseThrow();
            CoinSnapshot coin = sample.market().coin(expected.path("coin").asText()).orElseThrow();
            assertEquals(0, new BigDecimal(call.path("price").asText()).compareTo(coin.markPrice()),
                    "the call's mark at " + at + ": " + coin.markPrice());
            for (JsonNode outcome : call.path("outcomes")) {
                Map<String, BigDecimal> moves = "PT1M".equals(outcome.path("horizon").asText()) ? sample.move1mPct()
                        : sample.move5mPct();
                assertEquals(new BigDecimal(outcome.path("movePct").asText()), moves.get(coin.coin()),
                        at + " + " + outcome.path("horizon").asText());
                assertEquals(outcome.path("actual").asText(),
                        SignalScorer.actual(moves.get(coin.coin()), SignalScorer.FLAT_BAND_PCT).name());
            }
            for (JsonNode unknown : call.path("unknown")) {
                assertFalse(("PT1M".equals(unknown.asText()) ? sample.move1mPct() : sample.move5mPct())
                        .containsKey(coin.coin()), at + " + " + unknown.asText() + " is past the end");
            }
        }
    }

    @Test
    void showsEachCoinAsTheFeedHadPushedItByTheSampleInstant() throws Exception {
        CoinSnapshot btc = ReplaySamples.samples(pricePath(), Duration.ofSeconds(60), 1).get(0).market().coins().get(0);

        assertEquals("BTC", btc.coin());
        assertEquals("BTCUSDT", btc.symbol());
        assertEquals(0, new BigDecimal("100.00").compareTo(btc.lastPrice()));
        assertEquals(0, new BigDecimal("100.0").compareTo(btc.bestBid()));
        assertEquals(0, new BigDecimal("100.1").compareTo(btc.bestAsk()));
        assertEquals(0, new BigDecimal("0.1").compareTo(btc.spread()));
        assertEquals(new BigDecimal("0.0000"), btc.momentum60sPct());
        assertEquals(new BigDecimal("0.7500"), btc.bookImbalance().bidShare());
        assertEquals(new BigDecimal("3.0000"), btc.bookImbalance().bidAskRatio());
        // the feed's snapshot of 12:00:30, its last event: both trades in its window (the feed pushes a coin when it
        // changes, so at 12:01 the engine too holds this snapshot)
        assertEquals(2, btc.trades60s().buyCount());
        assertEquals(0, btc.trades60s().sellCount());
        assertEquals(0, new BigDecimal("100").compareTo(btc.vwap60s()));
        assertNull(btc.volatility60sPct(), "one return only");
        assertEquals(Instant.parse("2026-11-25T12:00:30Z"), btc.updatedAt());
    }
}
