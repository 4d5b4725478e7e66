package io.signaldesk.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.MarketFeatures;
import io.signaldesk.core.market.TradeFlow;
import io.signaldesk.core.trade.Direction;

/** The one rule set at its default thresholds: momentum 0.2 %, bid share 0.55, buy/sell volume ratio 1.2. */
class TradingRulesTest {

    private final TradingRules rules = new TradingRules(RuleThresholds.DEFAULTS);

    static MarketFeatures features(String momentum, String bidShare, String buyVolume, String sellVolume) {
        return new MarketFeatures(new BigDecimal("100"), momentum == null ? null : new BigDecimal(momentum),
                bidShare == null ? null : new BookImbalance(new BigDecimal(bidShare), null, 10),
                new TradeFlow(3, 2, new BigDecimal(buyVolume), new BigDecimal(sellVolume)));
    }

    @Test
    void defaultsAreTheEnginesThresholds() {
        assertEquals(0, new BigDecimal("0.2").compareTo(RuleThresholds.DEFAULTS.momentumPct()));
        assertEquals(0, new BigDecimal("0.55").compareTo(RuleThresholds.DEFAULTS.bidShare()));
        assertEquals(0, new BigDecimal("1.2").compareTo(RuleThresholds.DEFAULTS.flowRatio()));
    }

    @ParameterizedTest(name = "momentum {0} -> {1}")
    @CsvSource({
            // just below, at and above the 0.2 % threshold; book 0.60 >= 0.55, flow 12 >= 10 x 1.2 = 12
            "0.1999, WAIT",
            "0.2, LONG",
            "0.2001, LONG",
    })
    void longNeedsMomentumAtTheThreshold(String momentum, Direction expected) {
        assertEquals(expected, rules.evaluate(features(momentum, "0.60", "12", "10")).direction());
    }

    @ParameterizedTest(name = "bid share {0} -> {1}")
    @CsvSource({ "0.5499, WAIT", "0.55, LONG", "0.5501, LONG" })
    void longNeedsTheBidShareAtTheThreshold(String share, Direction expected) {
        assertEquals(expected, rules.evaluate(features("0.3", share, "12", "10")).direction());
    }

    @ParameterizedTest(name = "buy {0} vs sell 10 -> {1}")
    @CsvSource({
            // 10 x 1.2 = 12: 11.99 is short of it, 12 meets it
            "11.99, WAIT",
            "12, LONG",
            "12.01, LONG",
    })
    void longNeedsBuyVolumeAtTheRatioOfSellVolume(String buy, Direction expected) {
        assertEquals(expected, rules.evaluate(features("0.3", "0.60", buy, "10")).direction());
    }

    @ParameterizedTest(name = "momentum {0}, bid share {1} -> {2}")
    @CsvSource({
            // SHORT mirrors LONG: momentum <= -0.2, bid share <= 1 - 0.55 = 0.45, sell >= 1.2 x buy (12 >= 10 x 1.2)
            "-0.1999, 0.40, WAIT",
            "-0.2, 0.40, SHORT",
            "-0.2, 0.45, SHORT",
            "-0.2, 0.4501, WAIT",
    })
    void shortMirrorsTheLongThresholds(String momentum, String share, Direction expected) {
        assertEquals(expected, rules.evaluate(features(momentum, share, "10", "12")).direction());
    }

    @Test
    void noFlowMeansNoLongEvenAtZeroSellVolume() {
        // buy 0 >= 0 x 1.2 holds, but a LONG needs some buying
        assertEquals(Direction.WAIT, rules.evaluate(features("0.5", "0.7", "0", "0")).direction());
    }

    @Test
    void waitsWhileAFigureIsUnknown() {
        RuleSignal signal = rules.evaluate(features(null, "0.7", "12", "1"));
        assertEquals(Direction.WAIT, signal.direction());
        assertEquals(5, signal.confidence());
        assertEquals("not enough market data yet", signal.reason());
        assertEquals(Direction.WAIT, rules.evaluate(features("0.5", null, "12", "1")).direction());
    }

    @ParameterizedTest(name = "momentum {0}, share {1}, buy {2} -> confidence {3}")
    @CsvSource({
            // 6 at the thresholds
            "0.2, 0.55, 12, 6",
            // +1 momentum >= 2 x 0.2 = 0.4; +1 >= 4 x 0.2 = 0.8
            "0.4, 0.55, 12, 7",
            "0.8, 0.55, 12, 8",
            // +1 book >= 0.55 + 0.10 = 0.65
            "0.2, 0.65, 12, 7",
            // +1 flow >= 10 x 1.2 x 2 = 24
            "0.2, 0.55, 24, 7",
            // everything: 6 + 2 + 1 + 1 = 10
            "0.8, 0.65, 24, 10",
    })
    void confidenceClimbsWithHowFarPastTheThresholds(String momentum, String share, String buy, int expected) {
        assertEquals(expected, rules.evaluate(features(momentum, share, buy, "10")).confidence());
    }

    @Test
    void reasonStatesTheFacts() {
        RuleSignal signal = rules.evaluate(features("0.25", "0.6049", "12.50", "10"));
        assertEquals("LONG: momentum 0.25%, bids 60% of book, buy/sell volume 12.5/10", signal.reason());
    }

    @ParameterizedTest(name = "momentum {0} -> {1}")
    @CsvSource({ "0.1999, WAIT", "0.2, LONG", "-0.2, SHORT", "-0.1999, WAIT" })
    void momentumOnlyIsTheMomentumVote(String momentum, Direction expected) {
        assertEquals(expected, rules.momentumOnly(new BigDecimal(momentum)));
    }

    @Test
    void anotherThresholdChangesTheDecision() {
        TradingRules looser = new TradingRules(new RuleThresholds(new BigDecimal("0.1"), new BigDecimal("0.55"),
                new BigDecimal("1.2")));
        MarketFeatures features = features("0.15", "0.60", "12", "10");
        assertEquals(Direction.WAIT, rules.evaluate(features).direction());
        assertEquals(Direction.LONG, looser.evaluate(features).direction());
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RuleThresholds(BigDecimal.ZERO, new BigDecimal("0.55"), new BigDecimal("1.2")));
        assertThrows(IllegalArgumentException.class,
                () -> new RuleThresholds(new BigDecimal("0.2"), new BigDecimal("0.4"), new BigDecimal("1.2")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleThresholds(new BigDecimal("0.2"), new BigDecimal("0.55"), new BigDecimal("0.9")));
        assertTrue(e.getMessage().contains("flowRatio"));
    }

    @ParameterizedTest(name = "candle momentum {0} -> {1} {2}")
    @CsvSource({
            // candles: the momentum vote alone; 6 at 0.2, 7 at 2 x 0.2 = 0.4, 8 at 4 x 0.2 = 0.8
            "0.1999, WAIT, 5",
            "0.2, LONG, 6",
            "0.4, LONG, 7",
            "-0.8, SHORT, 8",
    })
    void aCandleSnapshotIsDecidedOnMomentumAloneWithTheMomentumLadder(String momentum, Direction expected, int confidence) {
        io.signaldesk.core.market.CoinSnapshot candle = new io.signaldesk.core.market.CoinSnapshot("BTC", "BTCUSDT",
                io.signaldesk.core.market.CoinSnapshot.CANDLES_VENUE, new BigDecimal("100"), null, null, null, null,
                new BigDecimal(momentum), null, null, null, null, null, null);
        RuleSignal signal = rules.evaluate(candle);
        assertEquals(expected, signal.direction());
        assertEquals(confidence, signal.confidence());
        assertTrue(signal.reason().contains("book and flow unavailable in candles"), signal.reason());
    }

    @Test
    void aFeedSnapshotWithoutBookOrFlowWaitsWhileACandleOneTradesOnMomentum() {
        io.signaldesk.core.market.CoinSnapshot live = new io.signaldesk.core.market.CoinSnapshot("BTC", "BTCUSDT",
                "BINANCE", new BigDecimal("100"), null, null, null, null, new BigDecimal("0.5"), null, null, null, null,
                null, null);
        assertEquals(Direction.WAIT, rules.evaluate(live).direction());
        assertEquals(Direction.LONG, rules.momentumAlone(new BigDecimal("0.5")).direction());
    }
}
